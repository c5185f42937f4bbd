import { Type, type Static } from 'typebox';
import { Code, Id, Name, Strict, StrictPartial } from '../common';

/** IANA timezone name, e.g. America/Sao_Paulo. Checked against the runtime's zone list on write. */
export const Timezone = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$',
});

export const Store = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  taxId: Type.Optional(Type.String({ maxLength: 20 })),
  timezone: Timezone,
  active: Type.Boolean(),
});
export type Store = Static<typeof Store>;

/** What a store's body sets, as on create. */
const storeFields = {
  name: Name,
  taxId: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9./-]+$' })),
  timezone: Type.Optional(Timezone),
  active: Type.Optional(Type.Boolean()),
};

export const StoreCreate = Strict({ code: Code, ...storeFields });
export type StoreCreate = Static<typeof StoreCreate>;

/** PATCH: only the given fields change. `code` is the ERP's key and never changes. */
export const StoreUpdate = StrictPartial(storeFields);
export type StoreUpdate = Static<typeof StoreUpdate>;
