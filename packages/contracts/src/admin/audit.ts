import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Strict } from '../common';

/**
 * One audit entry. Admin writes form the `admin` chain; each station's own events form the
 * chain `station:<code>`. `hash = sha256(prevHash + canonical(entry without hash))`.
 */
export const AuditEntry = Type.Object({
  id: Id,
  chain: Type.String(),
  seq: Type.Integer(),
  at: IsoDateTime,
  actor: Type.String(),
  action: Type.String(),
  entity: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  stationId: Type.Optional(Id),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
  details: Type.Optional(Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Strict({
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  actor: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  stationId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  brokenAt: Type.Optional(
    Type.Object({
      chain: Type.String(),
      seq: Type.Integer(),
      id: Id,
      reason: Type.String(),
    }),
  ),
});
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
