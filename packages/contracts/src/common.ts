import { Type, type Static, type TSchema, type TProperties } from 'typebox';

/** An object schema that refuses unknown fields (SPEC §10: strict schemas at the boundary). */
export function Strict<P extends TProperties>(
  properties: P,
  options: { description?: string; $id?: string } = {},
) {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/**
 * A PATCH body (SPEC §12.1): the fields a create body sets, each optional, unknown fields refused.
 * Built from the create body's own field set, so the two cannot drift apart; `code` is left out of
 * both field sets because codes never change (docs/decisions/0001).
 */
export function StrictPartial<P extends TProperties>(properties: P) {
  return Type.Partial(Type.Object(properties), { additionalProperties: false });
}

export const Id = Type.String({ format: 'uuid', description: 'UUIDv7' });
/** The ERP's business key: letters, digits, dot, dash and underscore, 1–40 characters. */
export const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
/** Money in integer cents, never negative. */
export const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });
/** Basis points: 10000 = 100 %. */
export const Bp = Type.Integer({ minimum: 0, maximum: 10_000 });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Seconds = Type.Integer({ minimum: 1, maximum: 86_400 });
export const Semver = Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', description: 'MAJOR.MINOR.PATCH' });
export const CodeList = Type.Array(Code, { maxItems: 1000, uniqueItems: true });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    expectedSeq: Type.Optional(Type.Integer()),
    minStationVersion: Type.Optional(Type.String()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

/** Query of every list endpoint: `?limit=&cursor=&q=&active=`. */
export const ListQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
});
export type ListQuery = Static<typeof ListQuery>;

/** `{items, nextCursor}`: every list answer. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export const IdParams = Strict({ id: Id });
export type IdParams = Static<typeof IdParams>;
