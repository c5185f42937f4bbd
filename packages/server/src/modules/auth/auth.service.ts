import { randomBytes } from 'node:crypto';
import type { LoginResponse, User, UserCreate, UserRole, UserUpdate } from '@storelink/contracts';
import type { Db } from '../../db/schema';
import { newId } from '../../db/ids';
import { fromFlag, toFlag } from '../../db/rows';
import { runWrite, type Actor, type WriteDeps } from '../../db/write';
import { AppError, conflict, notFound } from '../../http/app-error';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';
import { FailureLimiter } from './failure-limiter';
import * as repo from './auth.repository';

/** Admin sessions last 12 hours and survive a restart: they live in the database (SPEC §12.1). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface AuthenticatedUser {
  id: string;
  username: string;
  role: UserRole;
}

export type LoginOutcome =
  { ok: true; session: LoginResponse } | { ok: false; code: 'unauthorized' | 'rate_limited' };

export interface AuthService {
  login(username: string, password: string, address: string): Promise<LoginOutcome>;
  logout(token: string): Promise<void>;
  authenticate(token: string): Promise<AuthenticatedUser | undefined>;
  /** Creates `admin` on the very first start; answers the generated password when none was given. */
  ensureAdmin(password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }>;
  listUsers(): Promise<User[]>;
  createUser(actor: Actor, input: UserCreate): Promise<User>;
  updateUser(actor: Actor, id: string, input: UserUpdate): Promise<User>;
}

function toUser(row: { id: string; username: string; role: UserRole; active: number }): User {
  return { id: row.id, username: row.username, role: row.role, active: fromFlag(row.active) };
}

export function createAuthService(deps: WriteDeps & { db: Db }): AuthService {
  const limiter = new FailureLimiter(10, 60_000, () => deps.now().getTime());

  return {
    async login(username, password, address) {
      const key = `${address}|${username.toLowerCase()}`;
      if (limiter.isBlocked(key)) return { ok: false, code: 'rate_limited' };
      const user = await repo.findUserByUsername(deps.db, username);
      // Hash even for an unknown user, so timing does not reveal which usernames exist.
      const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !matches || !fromFlag(user.active)) {
        limiter.recordFailure(key);
        return { ok: false, code: 'unauthorized' };
      }
      limiter.reset(key);
      const token = newToken();
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      await repo.deleteExpiredSessions(deps.db, now.toISOString());
      await repo.insertSession(deps.db, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt,
      });
      return { ok: true, session: { token, expiresAt, user: { username: user.username, role: user.role } } };
    },

    async logout(token) {
      await repo.deleteSession(deps.db, hashToken(token));
    },

    async authenticate(token) {
      const session = await repo.findLiveSession(deps.db, hashToken(token), deps.now().toISOString());
      return session ? { id: session.userId, username: session.username, role: session.role } : undefined;
    },

    async ensureAdmin(password) {
      if ((await repo.countUsers(deps.db)) > 0) return { created: false };
      const generated = password ? undefined : randomBytes(12).toString('base64url');
      const secret = password ?? generated ?? '';
      const now = deps.now().toISOString();
      await repo.insertUser(deps.db, {
        id: newId(),
        username: 'admin',
        passwordHash: await hashPassword(secret),
        role: 'admin',
        active: 1,
        createdAt: now,
        updatedAt: now,
      });
      return generated ? { created: true, generatedPassword: generated } : { created: true };
    },

    async listUsers() {
      return (await repo.listUsers(deps.db)).map(toUser);
    },

    async createUser(actor, input) {
      const passwordHash = await hashPassword(input.password);
      return runWrite(deps, actor, async (w) => {
        if (await repo.findUserByUsername(w.tx, input.username)) {
          throw conflict(`A user named ${input.username} already exists. Choose another username.`);
        }
        const row = {
          id: newId(),
          username: input.username,
          passwordHash,
          role: input.role,
          active: 1 as const,
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertUser(w.tx, row);
        const user = toUser(row);
        w.audit({ action: 'user.create', entity: 'user', entityId: row.id, after: user });
        return user;
      });
    },

    async updateUser(actor, id, input) {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return runWrite(deps, actor, async (w) => {
        const existing = await repo.findUserById(w.tx, id);
        if (!existing) throw notFound('user', id);
        if (existing.id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
          throw new AppError('forbidden', 'You cannot deactivate yourself or remove your own admin role.');
        }
        await repo.updateUser(w.tx, id, {
          ...(passwordHash ? { passwordHash } : {}),
          ...(input.role ? { role: input.role } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
          updatedAt: w.at,
        });
        if (passwordHash || input.active === false) await repo.deleteUserSessions(w.tx, id);
        const after = toUser({
          ...existing,
          ...(input.role ? { role: input.role } : {}),
          active: input.active === undefined ? existing.active : toFlag(input.active),
        });
        w.audit({
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before: toUser(existing),
          after,
          ...(passwordHash ? { details: { passwordChanged: true } } : {}),
        });
        return after;
      });
    },
  };
}

/** A valid hash of a random secret, checked when the username is unknown. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
