import { Type, type Static } from 'typebox';
import { Bp, Cents, Code, Id, IsoDate, IsoDateTime, Strict } from '../common';
import { Barcode } from '../admin/products';
import { FinancialReasonKind } from '../admin/payments';
import { Pin } from '../admin/people';
import {
  Customer,
  DeclaredAmount,
  Installment,
  Settlement,
  TillSummary,
  VoucherRef,
} from '../sync/movements';

/**
 * The station's local checkout API (SPEC §6, §12.4), served on 127.0.0.1 only. Business refusals
 * answer 422 with the codes of §12.4; nothing is written when a request is refused.
 */

export const CashSessionOpenRequest = Strict({ operatorCode: Code, pin: Pin, openingFloatCents: Cents });
export type CashSessionOpenRequest = Static<typeof CashSessionOpenRequest>;

export const CashSession = Type.Object({
  sessionId: Id,
  operatorCode: Code,
  openedAt: IsoDateTime,
  openingFloatCents: Cents,
});
export type CashSession = Static<typeof CashSession>;

/** A supervisor's code and PIN, given when an action needs one. */
const SupervisorFields = {
  supervisorCode: Type.Optional(Code),
  supervisorPin: Type.Optional(Pin),
};

export const CashMovementRequest = Strict({
  kind: FinancialReasonKind,
  reasonCode: Code,
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  ...SupervisorFields,
});
export type CashMovementRequest = Static<typeof CashMovementRequest>;

export const CashMovement = Type.Object({
  movementId: Id,
  sessionId: Id,
  kind: FinancialReasonKind,
  reasonCode: Code,
  amountCents: Cents,
  note: Type.Optional(Type.String()),
  occurredAt: IsoDateTime,
  seq: Type.Integer(),
});
export type CashMovement = Static<typeof CashMovement>;

export const CashSessionCloseRequest = Strict({ declared: Type.Array(DeclaredAmount, { maxItems: 50 }) });
export type CashSessionCloseRequest = Static<typeof CashSessionCloseRequest>;

export const CashSessionClosed = Type.Object({
  sessionId: Id,
  closedAt: IsoDateTime,
  summary: TillSummary,
  declared: Type.Array(DeclaredAmount),
  /** Declared minus counted, per payment type (positive = more declared than recorded). */
  difference: Type.Record(Type.String(), Type.Integer()),
});
export type CashSessionClosed = Static<typeof CashSessionClosed>;

/** A cart line: by barcode or by SKU code. */
export const CartItem = Strict({
  barcode: Type.Optional(Barcode),
  skuCode: Type.Optional(Code),
  quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  /** A discount typed by the cashier, on top of promotions; above the group's limit it needs a supervisor. */
  manualDiscountBp: Type.Optional(Bp),
});
export type CartItem = Static<typeof CartItem>;

export const QuoteRequest = Strict({
  items: Type.Array(CartItem, { minItems: 1, maxItems: 1000 }),
  paymentTypeCode: Type.Optional(Code),
  /** All payment types of the sale, when there are several (promotions restricted to a type need every one to match). */
  paymentTypeCodes: Type.Optional(Type.Array(Code, { maxItems: 20 })),
});
export type QuoteRequest = Static<typeof QuoteRequest>;

export const AppliedPromotion = Type.Object({ code: Code, name: Type.String(), discountCents: Cents });
export type AppliedPromotion = Static<typeof AppliedPromotion>;

export const PricedLine = Type.Object({
  lineNo: Type.Integer({ minimum: 1 }),
  skuCode: Code,
  name: Type.String(),
  quantity: Type.Integer({ minimum: 1 }),
  unitPriceCents: Cents,
  discountCents: Cents,
  totalCents: Cents,
  promotions: Type.Array(AppliedPromotion),
  manualDiscountCents: Type.Optional(Cents),
});
export type PricedLine = Static<typeof PricedLine>;

export const Quote = Type.Object({
  items: Type.Array(PricedLine),
  subtotalCents: Cents,
  discountCents: Cents,
  totalCents: Cents,
  /** True when a manual discount is above the group's limit: the sale needs a supervisor. */
  requiresSupervisor: Type.Boolean(),
});
export type Quote = Static<typeof Quote>;

export const SalePaymentRequest = Strict({
  paymentTypeCode: Code,
  conditionCode: Type.Optional(Code),
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }),
  voucherCode: Type.Optional(Code),
  authorization: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type SalePaymentRequest = Static<typeof SalePaymentRequest>;

export const SaleRequest = Strict({
  items: Type.Array(CartItem, { minItems: 1, maxItems: 1000 }),
  payments: Type.Array(SalePaymentRequest, { minItems: 1, maxItems: 20 }),
  sellerCode: Code,
  customer: Type.Optional(Customer),
  ...SupervisorFields,
  /**
   * Chosen by the client once per sale attempt. Sending the same request again (a double click, a
   * retry after a dropped connection) answers the sale already made instead of making another.
   */
  requestId: Type.Optional(Id),
});
export type SaleRequest = Static<typeof SaleRequest>;

export const SalePaymentResult = Type.Object({
  paymentTypeCode: Code,
  conditionCode: Type.Optional(Code),
  amountCents: Cents,
  surchargeCents: Type.Optional(Cents),
  changeCents: Type.Optional(Cents),
  voucherCode: Type.Optional(Code),
  installments: Type.Optional(Type.Array(Installment)),
  authorization: Type.Optional(Type.String()),
});
export type SalePaymentResult = Static<typeof SalePaymentResult>;

export const Sale = Type.Object({
  saleId: Id,
  number: Type.Integer({ minimum: 1 }),
  seq: Type.Integer({ minimum: 1 }),
  occurredAt: IsoDateTime,
  sellerCode: Code,
  operatorCode: Code,
  customer: Type.Optional(Customer),
  items: Type.Array(PricedLine),
  payments: Type.Array(SalePaymentResult),
  subtotalCents: Cents,
  discountCents: Cents,
  totalCents: Cents,
  changeCents: Cents,
  cancelled: Type.Boolean(),
});
export type Sale = Static<typeof Sale>;

export const CancelRequest = Strict({
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  ...SupervisorFields,
});
export type CancelRequest = Static<typeof CancelRequest>;

export const ExchangeItemRequest = Strict({
  barcode: Type.Optional(Barcode),
  skuCode: Type.Optional(Code),
  quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  /** Defaults to what the original sale charged, or the current list price without one. */
  unitPriceCents: Type.Optional(Cents),
});
export type ExchangeItemRequest = Static<typeof ExchangeItemRequest>;

export const ExchangeRequest = Strict({
  originalSaleId: Type.Optional(Id),
  items: Type.Array(ExchangeItemRequest, { minItems: 1, maxItems: 1000 }),
  settlement: Settlement,
  refundPaymentTypeCode: Type.Optional(Code),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  requestId: Type.Optional(Id),
});
export type ExchangeRequest = Static<typeof ExchangeRequest>;

export const Exchange = Type.Object({
  exchangeId: Id,
  totalCents: Cents,
  voucher: Type.Optional(VoucherRef),
});
export type Exchange = Static<typeof Exchange>;

export const DateQuery = Strict({ date: Type.Optional(IsoDate) });
export type DateQuery = Static<typeof DateQuery>;

/**
 * Totals of one station and day: the server's view, a station's declaration and the station's own
 * local view share this shape (SPEC §12.3). Cash is net of change; cancelled sales count only in
 * `cancelledCount`.
 */
export const SaleSummaryTotals = Type.Object({
  salesCount: Type.Integer({ minimum: 0 }),
  cancelledCount: Type.Integer({ minimum: 0 }),
  salesTotalCents: Type.Integer(),
  totalsByPaymentType: Type.Record(Type.String(), Type.Integer()),
  exchangesCount: Type.Integer({ minimum: 0 }),
  vouchersIssuedCents: Type.Integer(),
  vouchersRedeemedCents: Type.Integer(),
  withdrawalsCents: Type.Integer(),
  suppliesCents: Type.Integer(),
  expensesCents: Type.Integer(),
});
export type SaleSummaryTotals = Static<typeof SaleSummaryTotals>;
