import { Type, type Static } from 'typebox';
import { Cents, Code, Id, IsoDate, IsoDateTime, Strict } from '../common';
import { FinancialReasonKind } from '../admin/payments';

/**
 * Movement payloads (SPEC §4.3 table, schemaVersion 1). `occurredAt` and `operatorCode` sit in the
 * envelope. The server checks each payload against its schema at ingest: a payload that does not
 * match is quarantined as `invalid_payload`, never dropped and never blocking the ones behind it.
 * Later schema versions may add optional fields only.
 */
const Authorization = Type.String({ minLength: 1, maxLength: 64 });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Quantity = Type.Integer({ minimum: 1, maximum: 100_000 });

export const CashSessionOpenedPayload = Strict({ sessionId: Id, openingFloatCents: Cents });
export type CashSessionOpenedPayload = Static<typeof CashSessionOpenedPayload>;

export const CashSessionMovementPayload = Strict({
  sessionId: Id,
  kind: FinancialReasonKind,
  reasonCode: Code,
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  /** Code of the supervisor who authorised it, when one had to. */
  authorizedBy: Type.Optional(Code),
});
export type CashSessionMovementPayload = Static<typeof CashSessionMovementPayload>;

export const SaleItem = Strict({
  lineNo: Type.Integer({ minimum: 1 }),
  skuCode: Code,
  quantity: Quantity,
  unitPriceCents: Cents,
  discountCents: Cents,
  promotionCodes: Type.Array(Code),
  totalCents: Cents,
  /** Part of `discountCents` given by hand by the cashier; the rest came from promotions. */
  manualDiscountCents: Type.Optional(Cents),
});
export type SaleItem = Static<typeof SaleItem>;

export const Installment = Strict({ n: Type.Integer({ minimum: 1 }), dueDate: IsoDate, amountCents: Cents });
export type Installment = Static<typeof Installment>;

export const SalePayment = Strict({
  paymentTypeCode: Code,
  conditionCode: Type.Optional(Code),
  amountCents: Cents,
  surchargeCents: Type.Optional(Cents),
  changeCents: Type.Optional(Cents),
  voucherCode: Type.Optional(Code),
  installments: Type.Optional(Type.Array(Installment)),
  authorization: Type.Optional(Authorization),
});
export type SalePayment = Static<typeof SalePayment>;

export const Customer = Strict({
  taxId: Type.String({ minLength: 11, maxLength: 18, pattern: '^[0-9./-]+$' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type Customer = Static<typeof Customer>;

export const SaleCompletedPayload = Strict({
  saleId: Id,
  number: Type.Integer({ minimum: 1 }),
  sessionId: Id,
  sellerCode: Code,
  customer: Type.Optional(Customer),
  items: Type.Array(SaleItem, { minItems: 1, maxItems: 1000 }),
  payments: Type.Array(SalePayment, { minItems: 1, maxItems: 20 }),
  subtotalCents: Cents,
  discountCents: Cents,
  totalCents: Cents,
  /** Supervisor who authorised a manual discount above the group's limit. */
  discountAuthorizedBy: Type.Optional(Code),
  /**
   * The station's change cursor when it priced the sale: the server re-prices the sale with the
   * promotions in force at that cursor and notes any difference (`price_divergence`).
   */
  catalogCursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
});
export type SaleCompletedPayload = Static<typeof SaleCompletedPayload>;

export const SaleCancelledPayload = Strict({ saleId: Id, reason: Reason, authorizedBy: Type.Optional(Code) });
export type SaleCancelledPayload = Static<typeof SaleCancelledPayload>;

export const ExchangeItem = Strict({ skuCode: Code, quantity: Quantity, unitPriceCents: Cents });
export type ExchangeItem = Static<typeof ExchangeItem>;

export const Settlement = Type.Union([Type.Literal('voucher'), Type.Literal('refund')]);
export type Settlement = Static<typeof Settlement>;

export const VoucherRef = Strict({ code: Code, amountCents: Cents });
export type VoucherRef = Static<typeof VoucherRef>;

export const ExchangeCompletedPayload = Strict({
  exchangeId: Id,
  originalSaleId: Type.Optional(Id),
  items: Type.Array(ExchangeItem, { minItems: 1, maxItems: 1000 }),
  settlement: Settlement,
  voucher: Type.Optional(VoucherRef),
  refundPaymentTypeCode: Type.Optional(Code),
  reason: Type.Optional(Reason),
});
export type ExchangeCompletedPayload = Static<typeof ExchangeCompletedPayload>;

export const ExchangeCancelledPayload = Strict({
  exchangeId: Id,
  reason: Reason,
  authorizedBy: Type.Optional(Code),
});
export type ExchangeCancelledPayload = Static<typeof ExchangeCancelledPayload>;

export const DeclaredAmount = Strict({ paymentTypeCode: Code, amountCents: Cents });
export type DeclaredAmount = Static<typeof DeclaredAmount>;

export const TillSummary = Strict({
  salesCount: Type.Integer({ minimum: 0 }),
  cancelledCount: Type.Integer({ minimum: 0 }),
  totalsByPaymentType: Type.Record(Type.String(), Type.Integer()),
  withdrawalsCents: Cents,
  suppliesCents: Cents,
  expensesCents: Cents,
});
export type TillSummary = Static<typeof TillSummary>;

export const CashSessionClosedPayload = Strict({
  sessionId: Id,
  declared: Type.Array(DeclaredAmount, { maxItems: 50 }),
  summary: TillSummary,
});
export type CashSessionClosedPayload = Static<typeof CashSessionClosedPayload>;

export const AuditEventPayload = Strict({
  action: Type.String({ minLength: 1, maxLength: 100 }),
  details: Type.Unknown(),
  prevHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type AuditEventPayload = Static<typeof AuditEventPayload>;

/** Every movement type and the schema of its payload. */
export const movementPayloadSchemas = {
  'cash_session.opened': CashSessionOpenedPayload,
  'cash_session.movement': CashSessionMovementPayload,
  'sale.completed': SaleCompletedPayload,
  'sale.cancelled': SaleCancelledPayload,
  'exchange.completed': ExchangeCompletedPayload,
  'exchange.cancelled': ExchangeCancelledPayload,
  'cash_session.closed': CashSessionClosedPayload,
  'audit.event': AuditEventPayload,
} as const;

export type MovementType = keyof typeof movementPayloadSchemas;
export const movementTypes = Object.keys(movementPayloadSchemas) as MovementType[];

export interface MovementPayloads {
  'cash_session.opened': CashSessionOpenedPayload;
  'cash_session.movement': CashSessionMovementPayload;
  'sale.completed': SaleCompletedPayload;
  'sale.cancelled': SaleCancelledPayload;
  'exchange.completed': ExchangeCompletedPayload;
  'exchange.cancelled': ExchangeCancelledPayload;
  'cash_session.closed': CashSessionClosedPayload;
  'audit.event': AuditEventPayload;
}

/**
 * The envelope (SPEC §12.2). `seq` is gap-free per station incarnation, from 1. `payloadHash` is
 * the lowercase hex SHA-256 of the RFC 8785 canonical JSON of `payload` (`hashPayload` in domain).
 * The payload is typed loosely here on purpose: it is checked per type at ingest (see above).
 */
export const MovementEnvelope = Strict({
  id: Id,
  seq: Type.Integer({ minimum: 1 }),
  type: Type.Enum(movementTypes),
  occurredAt: IsoDateTime,
  operatorCode: Code,
  schemaVersion: Type.Literal(1),
  payload: Type.Unknown(),
  payloadHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type MovementEnvelope = Static<typeof MovementEnvelope>;

/** `POST /api/v1/sync/movements`: at most 500, ascending `seq`. */
export const MovementBatch = Strict({
  incarnation: Type.Integer({ minimum: 1 }),
  movements: Type.Array(MovementEnvelope, { minItems: 1, maxItems: 500 }),
});
export type MovementBatch = Static<typeof MovementBatch>;

export const MovementResultStatus = Type.Union([
  Type.Literal('accepted'),
  Type.Literal('duplicate'),
  Type.Literal('quarantined'),
  Type.Literal('pending_reference'),
]);
export type MovementResultStatus = Static<typeof MovementResultStatus>;

export const MovementResult = Type.Object({
  seq: Type.Integer(),
  id: Id,
  status: MovementResultStatus,
  code: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});
export type MovementResult = Static<typeof MovementResult>;

/**
 * Results up to any gap. `ackedThrough` is the highest seq the server holds for good (the station
 * may forget everything up to it); `expectedSeq` is the next one it wants.
 */
export const MovementBatchReply = Type.Object({
  ackedThrough: Type.Integer({ minimum: 0 }),
  results: Type.Array(MovementResult),
  expectedSeq: Type.Integer({ minimum: 1 }),
  serverCursor: Type.String(),
});
export type MovementBatchReply = Static<typeof MovementBatchReply>;
