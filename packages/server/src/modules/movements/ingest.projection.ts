import type { Installment, SaleCompletedPayload } from '@storelink/contracts';
import { toJsonText } from '../../db/rows';
import type { Row } from '../../db/schema';

/**
 * Pure builders of the rows a movement is booked into. The ingest and the backlog benchmark's
 * floor (bench/backlog-floor.ts) build the same rows with these, so the floor measures writing
 * exactly what the ingest writes.
 */

/** Where a sale was made and when, as the sale rows record it. */
export interface SaleSource {
  movementId: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  operatorCode: string;
  /** Normalised instant (`toISOString`). */
  occurredAt: string;
  /** `YYYY-MM-DD` in the store's timezone. */
  businessDate: string;
}

/** A payment as booked: the payload's, with the server's surcharge, change and schedule. */
export interface BookedPayment {
  paymentTypeCode: string;
  conditionCode?: string | undefined;
  amountCents: number;
  surchargeCents?: number | undefined;
  changeCents?: number | undefined;
  voucherCode?: string | undefined;
  installments?: readonly Installment[] | undefined;
  authorization?: string | undefined;
}

export interface SaleRows {
  sale: Row<'sales'>;
  items: Row<'saleItems'>[];
  payments: Row<'salePayments'>[];
}

export function toSaleRows(
  source: SaleSource,
  payload: SaleCompletedPayload,
  payments: readonly BookedPayment[],
): SaleRows {
  const storeCode = source.storeCode;
  let changeCents = 0;
  let surchargeCents = 0;
  const paymentRows = payments.map((p, i): Row<'salePayments'> => {
    changeCents += p.changeCents ?? 0;
    surchargeCents += p.surchargeCents ?? 0;
    return {
      saleId: payload.saleId,
      n: i + 1,
      storeCode,
      paymentTypeCode: p.paymentTypeCode,
      conditionCode: p.conditionCode ?? null,
      amountCents: p.amountCents,
      surchargeCents: p.surchargeCents ?? 0,
      changeCents: p.changeCents ?? 0,
      voucherCode: p.voucherCode ?? null,
      authorization: p.authorization ?? null,
      installments: p.installments ? toJsonText(p.installments) : null,
    };
  });
  return {
    sale: {
      id: payload.saleId,
      movementId: source.movementId,
      stationId: source.stationId,
      stationCode: source.stationCode,
      storeCode,
      number: payload.number,
      sessionId: payload.sessionId,
      sellerCode: payload.sellerCode,
      operatorCode: source.operatorCode,
      customerTaxId: payload.customer?.taxId ?? null,
      customerName: payload.customer?.name ?? null,
      occurredAt: source.occurredAt,
      businessDate: source.businessDate,
      subtotalCents: payload.subtotalCents,
      discountCents: payload.discountCents,
      totalCents: payload.totalCents,
      changeCents,
      surchargeCents,
      cancelled: 0,
      cancelledAt: null,
      cancelMovementId: null,
    },
    items: payload.items.map((item) => ({
      saleId: payload.saleId,
      lineNo: item.lineNo,
      storeCode,
      skuCode: item.skuCode,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
      discountCents: item.discountCents,
      manualDiscountCents: item.manualDiscountCents ?? 0,
      totalCents: item.totalCents,
      promotionCodes: toJsonText(item.promotionCodes),
    })),
    payments: paymentRows,
  };
}

/** An ISO 8601 instant in the one form the server stores and compares: `toISOString()`. */
export function normalizeInstant(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

const QUARTER_HOUR_MS = 15 * 60_000;
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, string>();

/**
 * The calendar day of `instant` in `timezone` (SPEC §12.3: the business day is store time).
 * Cached per timezone and quarter hour: since the 1970s every timezone changes its offset on a quarter-hour
 * boundary, so all instants of one quarter hour fall on the same local day.
 */
export function businessDateOf(instant: string, timezone: string): string {
  const ms = Date.parse(instant);
  const key = `${timezone}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    let formatter = dayFormatters.get(timezone);
    if (formatter === undefined) {
      // en-CA formats a date as YYYY-MM-DD.
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      dayFormatters.set(timezone, formatter);
    }
    day = formatter.format(ms);
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}
