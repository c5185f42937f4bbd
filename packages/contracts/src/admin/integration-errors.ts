import { Type, type Static } from 'typebox';
import { Code, Id, IsoDateTime, Strict } from '../common';
import { movementTypes } from '../sync/movements';

export const IntegrationErrorStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('resolved'),
  Type.Literal('reprocessed'),
]);
export type IntegrationErrorStatus = Static<typeof IntegrationErrorStatus>;

/**
 * One step in an integration error's life: `quarantine` (the server could not book it),
 * `edit` (payload changed: `before`/`after`), `reprocess` (with the outcome in `after`),
 * `resolve` (closed without booking; the note in `reason`).
 */
export const IntegrationErrorHistoryEntry = Type.Object({
  at: IsoDateTime,
  actor: Type.String(),
  action: Type.Union([
    Type.Literal('quarantine'),
    Type.Literal('edit'),
    Type.Literal('reprocess'),
    Type.Literal('resolve'),
  ]),
  reason: Type.Optional(Type.String()),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export type IntegrationErrorHistoryEntry = Static<typeof IntegrationErrorHistoryEntry>;

/**
 * A movement the server could not book, kept whole (SPEC §5, §12.3). `payload` is the current
 * payload: as received, or as last edited. `code` is a quarantine code (§12.2); for
 * `duplicate_mismatch` the payload is the resent one that disagreed with the booked movement.
 */
export const IntegrationError = Type.Object({
  id: Id,
  stationId: Id,
  stationCode: Code,
  movementId: Id,
  seq: Type.Integer(),
  type: Type.Enum(movementTypes),
  code: Type.String(),
  detail: Type.String(),
  status: IntegrationErrorStatus,
  payload: Type.Unknown(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  history: Type.Array(IntegrationErrorHistoryEntry),
});
export type IntegrationError = Static<typeof IntegrationError>;

/** `GET /integration-errors`: newest first. */
export const IntegrationErrorQuery = Strict({
  status: Type.Optional(IntegrationErrorStatus),
  stationId: Type.Optional(Id),
  code: Type.Optional(Type.String({ maxLength: 60 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type IntegrationErrorQuery = Static<typeof IntegrationErrorQuery>;

const Reason = Type.String({ minLength: 1, maxLength: 500 });

/** `PUT /integration-errors/:id/payload`: replaces the payload of an open error; audited. */
export const IntegrationErrorPayloadUpdate = Strict({ payload: Type.Unknown(), reason: Reason });
export type IntegrationErrorPayloadUpdate = Static<typeof IntegrationErrorPayloadUpdate>;

/** `POST /integration-errors/:id/resolve`: closes an open error without booking the movement. */
export const IntegrationErrorResolve = Strict({ note: Reason });
export type IntegrationErrorResolve = Static<typeof IntegrationErrorResolve>;

/**
 * `POST /integration-errors/:id/reprocess` answers the error after the attempt. `outcome` says what
 * became of the movement: `accepted` (booked; the error is `reprocessed`), `pending_reference`
 * (valid, waiting for another station's movement; the error is `reprocessed`), or `quarantined`
 * (still failing: the error stays `open` with the new `code` and `detail`).
 */
export const IntegrationErrorReprocessResult = Type.Object({
  outcome: Type.Union([
    Type.Literal('accepted'),
    Type.Literal('pending_reference'),
    Type.Literal('quarantined'),
  ]),
  error: IntegrationError,
});
export type IntegrationErrorReprocessResult = Static<typeof IntegrationErrorReprocessResult>;
