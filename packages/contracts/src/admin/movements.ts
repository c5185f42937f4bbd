import { Type, type Static } from 'typebox';
import { Code, Id, IsoDateTime, Strict } from '../common';
import { movementTypes } from '../sync/movements';

/**
 * How the server holds a movement (SPEC §4.3, §12.3): booked (`accepted`), kept whole as an
 * integration error (`quarantined`), or waiting for another station's movement
 * (`pending_reference`, not an error: it resolves by itself).
 */
export const MovementStatus = Type.Union([
  Type.Literal('accepted'),
  Type.Literal('quarantined'),
  Type.Literal('pending_reference'),
]);
export type MovementStatus = Static<typeof MovementStatus>;

/**
 * Information the server attached to a booked movement; never a rejection. `price_divergence`:
 * re-pricing the sale with the promotions the station had at its `catalogCursor` gave other
 * discounts than the station's (SPEC issue 5); `lines` says where.
 */
export const MovementNote = Type.Object({
  code: Type.Literal('price_divergence'),
  detail: Type.String(),
  lines: Type.Optional(
    Type.Array(
      Type.Object({
        lineNo: Type.Integer(),
        stationDiscountCents: Type.Integer(),
        serverDiscountCents: Type.Integer(),
        stationPromotionCodes: Type.Array(Type.String()),
        serverPromotionCodes: Type.Array(Type.String()),
      }),
    ),
  ),
});
export type MovementNote = Static<typeof MovementNote>;

/**
 * `GET /stations/:id/movements` (SPEC §5, §12.3). `from`/`to` are dates (`YYYY-MM-DD`, in the
 * store's timezone: `to` includes that whole day) or ISO timestamps (`to` exclusive); without them
 * the query covers today in the store's timezone. `status=cancelled` lists sales whose
 * cancellation was accepted.
 */
export const StationMovementQuery = Strict({
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(Type.Enum(movementTypes)),
  status: Type.Optional(
    Type.Union([
      Type.Literal('accepted'),
      Type.Literal('quarantined'),
      Type.Literal('pending_reference'),
      Type.Literal('cancelled'),
    ]),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type StationMovementQuery = Static<typeof StationMovementQuery>;

/**
 * One movement of the station query (SPEC §5.1 "movement (query)"), oldest first. `totalCents` is
 * the sale's or exchange's total, or a cash movement's amount; `cancelled` is true on a sale whose
 * cancellation was accepted; `errorCode` is the quarantine code of an unbooked movement.
 */
export const StationMovementItem = Type.Object({
  id: Id,
  seq: Type.Integer(),
  incarnation: Type.Integer(),
  type: Type.Enum(movementTypes),
  status: MovementStatus,
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
  saleId: Type.Optional(Id),
  totalCents: Type.Optional(Type.Integer()),
  errorCode: Type.Optional(Type.String()),
  cancelled: Type.Optional(Type.Literal(true)),
  notes: Type.Optional(Type.Array(MovementNote)),
});
export type StationMovementItem = Static<typeof StationMovementItem>;

export const StationMovementParams = Strict({ id: Id, movementId: Id });
export type StationMovementParams = Static<typeof StationMovementParams>;

/**
 * `GET /stations/:id/movements/:movementId`: the movement whole (its envelope as booked, with
 * status, error and notes) and what it was projected into, for the console's drill-down.
 * `projection` is null until the movement is accepted; its shape follows the type (a sale with
 * its items and payments, an exchange with its items, a cash session or cash movement).
 */
export const StationMovementDetail = Type.Object({
  id: Id,
  stationId: Id,
  stationCode: Code,
  storeCode: Code,
  incarnation: Type.Integer(),
  seq: Type.Integer(),
  type: Type.Enum(movementTypes),
  status: MovementStatus,
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
  operatorCode: Type.String(),
  schemaVersion: Type.Integer(),
  payload: Type.Unknown(),
  payloadHash: Type.String(),
  errorCode: Type.Optional(Type.String()),
  errorDetail: Type.Optional(Type.String()),
  waitingFor: Type.Optional(Type.String()),
  cancelled: Type.Optional(Type.Literal(true)),
  notes: Type.Optional(Type.Array(MovementNote)),
  erpCursor: Type.Optional(Type.String()),
  integrationErrorId: Type.Optional(Id),
  projection: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export type StationMovementDetail = Static<typeof StationMovementDetail>;
