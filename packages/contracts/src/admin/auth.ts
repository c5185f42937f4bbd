import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Strict } from '../common';

export const userRoles = ['admin', 'operator', 'auditor'] as const;
export const UserRole = Type.Enum(userRoles);
export type UserRole = (typeof userRoles)[number];

export const LoginRequest = Strict({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginRequest = Static<typeof LoginRequest>;

export const LoginResponse = Type.Object({
  token: Type.String(),
  expiresAt: IsoDateTime,
  user: Type.Object({ username: Type.String(), role: UserRole }),
});
export type LoginResponse = Static<typeof LoginResponse>;

export const Username = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' });

export const User = Type.Object({ id: Id, username: Username, role: UserRole, active: Type.Boolean() });
export type User = Static<typeof User>;

/** Passwords: at least 10 characters. */
export const UserCreate = Strict({
  username: Username,
  password: Type.String({ minLength: 10, maxLength: 200 }),
  role: UserRole,
});
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Strict({
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
  role: Type.Optional(UserRole),
  active: Type.Optional(Type.Boolean()),
});
export type UserUpdate = Static<typeof UserUpdate>;
