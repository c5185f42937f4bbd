import type {
  CashSessionClosedPayload,
  CashSessionMovementPayload,
  CashSessionOpenedPayload,
  ExchangeCompletedPayload,
  SaleCompletedPayload,
} from '@storelink/contracts';
import type { Dialect } from '../../db/database';
import { newId } from '../../db/ids';
import { toJsonText } from '../../db/rows';
import type { Executor, Row } from '../../db/schema';
import * as repo from './ingest.repository';
import { WritePlan, type SessionWrite } from './ingest.plan';
import { toSaleRows, type BookedPayment, type SaleSource } from './ingest.projection';
import { exchangeKey, saleKey, voucherKey, type Candidate } from './ingest.types';
import { visibleVoucher } from './vouchers.sync';

export interface SaleEntry {
  id: string;
  storeCode: string;
  movementId: string;
  cancelled: boolean;
  cancelMovementId: string | null;
}

export interface ExchangeEntry {
  id: string;
  storeCode: string;
  movementId: string;
  cancelled: boolean;
  cancelMovementId: string | null;
  voucherCode: string | null;
}

export interface VoucherEntry extends Row<'vouchers'> {
  /** As read from the database; null when issued in this transaction. */
  original: Row<'vouchers'> | null;
  touched: boolean;
}

export interface SessionEntry {
  openMovementId: string | null;
  closeMovementId: string | null;
}

interface Redemption {
  row: Row<'voucherRedemptions'>;
  inDb: boolean;
}

/** Booked records a set of movements refers to, keyed for `IngestLedger.load`. */
export interface LedgerNeeds {
  saleIds: Set<string>;
  /** Sales about to be cancelled: their voucher redemptions are loaded to be reversed. */
  cancelSaleIds: Set<string>;
  exchangeIds: Set<string>;
  vouchers: Map<string, { storeCode: string; code: string }>;
  sessionIds: Set<string>;
}

export function emptyLedgerNeeds(): LedgerNeeds {
  return {
    saleIds: new Set(),
    cancelSaleIds: new Set(),
    exchangeIds: new Set(),
    vouchers: new Map(),
    sessionIds: new Set(),
  };
}

/**
 * The booked records one ingest transaction reads and changes: sales, exchanges, vouchers and
 * cash sessions, loaded in bulk (locked on PostgreSQL) and then kept in memory, so a movement sees
 * what earlier movements of the same transaction booked (a voucher issued and spent in one
 * batch) without a round trip. Booking appends rows to `plan`; `released` collects the references
 * that became available, which pending movements may be waiting for.
 */
export class IngestLedger {
  readonly plan = new WritePlan();
  readonly released = new Set<string>();
  private readonly sales = new Map<string, SaleEntry | null>();
  private readonly exchanges = new Map<string, ExchangeEntry | null>();
  private readonly vouchers = new Map<string, VoucherEntry | null>();
  private readonly sessions = new Map<string, SessionEntry | null>();
  private readonly redemptionsBySale = new Map<string, Redemption[]>();

  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
    private readonly at: string,
  ) {}

  async load(needs: LedgerNeeds): Promise<void> {
    const missing = <T>(cache: Map<string, T>, keys: Iterable<string>) =>
      [...keys].filter((k) => !cache.has(k));

    const saleIds = missing(this.sales, needs.saleIds);
    for (const id of saleIds) this.sales.set(id, null);
    for (const s of await repo.readSales(this.db, this.dialect, saleIds))
      this.sales.set(s.id, { ...s, cancelled: s.cancelled === 1 });

    const vouchers = new Map(needs.vouchers);
    const redemptionSales = missing(this.redemptionsBySale, needs.cancelSaleIds);
    for (const id of redemptionSales) this.redemptionsBySale.set(id, []);
    for (const row of await repo.readRedemptionsOfSales(this.db, redemptionSales)) {
      this.redemptionsBySale.get(row.saleId)?.push({ row, inDb: true });
      vouchers.set(voucherKey(row.storeCode, row.voucherCode), {
        storeCode: row.storeCode,
        code: row.voucherCode,
      });
    }

    const exchangeIds = missing(this.exchanges, needs.exchangeIds);
    for (const id of exchangeIds) this.exchanges.set(id, null);
    for (const e of await repo.readExchanges(this.db, this.dialect, exchangeIds)) {
      this.exchanges.set(e.id, { ...e, cancelled: e.cancelled === 1 });
      if (e.voucherCode !== null) {
        vouchers.set(voucherKey(e.storeCode, e.voucherCode), { storeCode: e.storeCode, code: e.voucherCode });
      }
    }

    const voucherKeys = missing(this.vouchers, vouchers.keys());
    for (const key of voucherKeys) this.vouchers.set(key, null);
    const toRead = voucherKeys.map((k) => vouchers.get(k) as { storeCode: string; code: string });
    for (const v of await repo.readVouchers(this.db, this.dialect, toRead)) {
      this.vouchers.set(voucherKey(v.storeCode, v.code), { ...v, original: v, touched: false });
    }

    const sessionIds = missing(this.sessions, needs.sessionIds);
    for (const id of sessionIds) this.sessions.set(id, null);
    for (const s of await repo.readCashSessions(this.db, sessionIds))
      this.sessions.set(s.id, { openMovementId: s.openMovementId, closeMovementId: s.closeMovementId });
  }

  /** A booked sale (accepted), in the database or earlier in this transaction. */
  sale(id: string): SaleEntry | undefined {
    return this.sales.get(id) ?? undefined;
  }

  exchange(id: string): ExchangeEntry | undefined {
    return this.exchanges.get(id) ?? undefined;
  }

  voucher(storeCode: string, code: string): VoucherEntry | undefined {
    return this.vouchers.get(voucherKey(storeCode, code)) ?? undefined;
  }

  session(id: string): SessionEntry | undefined {
    return this.sessions.get(id) ?? undefined;
  }

  bookSale(
    c: Candidate,
    source: SaleSource,
    payload: SaleCompletedPayload,
    payments: readonly BookedPayment[],
  ): void {
    const rows = toSaleRows(source, payload, payments);
    this.plan.sales.push(rows.sale);
    this.plan.saleItems.push(...rows.items);
    this.plan.salePayments.push(...rows.payments);
    this.sales.set(payload.saleId, {
      id: payload.saleId,
      storeCode: source.storeCode,
      movementId: c.id,
      cancelled: false,
      cancelMovementId: null,
    });
    const redemptions: Redemption[] = [];
    for (const p of payments) {
      if (p.voucherCode === undefined) continue;
      const voucher = this.voucher(source.storeCode, p.voucherCode);
      if (!voucher) throw new Error(`voucher ${p.voucherCode} was not checked before booking`);
      voucher.balanceCents -= p.amountCents;
      if (voucher.balanceCents === 0) voucher.status = 'used';
      this.touch(voucher);
      const row: Row<'voucherRedemptions'> = {
        id: newId(),
        storeCode: source.storeCode,
        voucherCode: p.voucherCode,
        saleId: payload.saleId,
        movementId: c.id,
        stationCode: source.stationCode,
        amountCents: p.amountCents,
        occurredAt: source.occurredAt,
        cancelled: 0,
      };
      this.plan.redemptions.push(row);
      redemptions.push({ row, inDb: false });
    }
    this.redemptionsBySale.set(payload.saleId, redemptions);
    this.released.add(saleKey(payload.saleId));
  }

  /** Cancels a booked sale; any voucher it spent gets the amount back. */
  cancelSale(c: Candidate, sale: SaleEntry): void {
    sale.cancelled = true;
    sale.cancelMovementId = c.id;
    this.plan.saleCancels.set(sale.id, { cancelledAt: this.at, cancelMovementId: c.id });
    this.plan.cancelledSaleMovements.add(sale.movementId);
    for (const redemption of this.redemptionsBySale.get(sale.id) ?? []) {
      const voucher = this.voucher(redemption.row.storeCode, redemption.row.voucherCode);
      redemption.row.cancelled = 1;
      if (redemption.inDb) this.plan.redemptionCancels.push(redemption.row.id);
      if (!voucher || voucher.status === 'cancelled') continue;
      voucher.balanceCents += Number(redemption.row.amountCents);
      voucher.status = 'open';
      this.touch(voucher);
    }
  }

  bookExchange(
    c: Candidate,
    payload: ExchangeCompletedPayload,
    totalCents: number,
    businessDate: string,
  ): void {
    const { storeCode, stationId, stationCode } = c.origin;
    const occurredAt = new Date(Date.parse(c.occurredAt)).toISOString();
    this.plan.exchanges.push({
      id: payload.exchangeId,
      movementId: c.id,
      stationId,
      stationCode,
      storeCode,
      originalSaleId: payload.originalSaleId ?? null,
      occurredAt,
      businessDate,
      settlement: payload.settlement,
      totalCents,
      voucherCode: payload.voucher?.code ?? null,
      refundPaymentTypeCode: payload.refundPaymentTypeCode ?? null,
      reason: payload.reason ?? null,
      cancelled: 0,
      cancelledAt: null,
      cancelMovementId: null,
    });
    payload.items.forEach((item, i) =>
      this.plan.exchangeItems.push({
        exchangeId: payload.exchangeId,
        n: i + 1,
        storeCode,
        skuCode: item.skuCode,
        quantity: item.quantity,
        unitPriceCents: item.unitPriceCents,
        totalCents: item.quantity * item.unitPriceCents,
      }),
    );
    this.exchanges.set(payload.exchangeId, {
      id: payload.exchangeId,
      storeCode,
      movementId: c.id,
      cancelled: false,
      cancelMovementId: null,
      voucherCode: payload.voucher?.code ?? null,
    });
    this.released.add(exchangeKey(payload.exchangeId));
    if (payload.voucher) {
      const key = voucherKey(storeCode, payload.voucher.code);
      this.vouchers.set(key, {
        storeCode,
        code: payload.voucher.code,
        amountCents: payload.voucher.amountCents,
        balanceCents: payload.voucher.amountCents,
        status: 'open',
        exchangeId: payload.exchangeId,
        stationCode,
        issuedAt: occurredAt,
        updatedAt: this.at,
        original: null,
        touched: true,
      });
      this.released.add(key);
    }
  }

  cancelExchange(c: Candidate, exchange: ExchangeEntry): void {
    exchange.cancelled = true;
    exchange.cancelMovementId = c.id;
    this.plan.exchangeCancels.set(exchange.id, { cancelledAt: this.at, cancelMovementId: c.id });
    if (exchange.voucherCode === null) return;
    const voucher = this.voucher(exchange.storeCode, exchange.voucherCode);
    if (!voucher) return;
    voucher.status = 'cancelled';
    this.touch(voucher);
  }

  openSession(c: Candidate, payload: CashSessionOpenedPayload): void {
    const write = this.sessionWrite(c, payload.sessionId);
    Object.assign(write.row, {
      operatorCode: c.operatorCode,
      openedAt: new Date(Date.parse(c.occurredAt)).toISOString(),
      openingFloatCents: payload.openingFloatCents,
      openMovementId: c.id,
    });
    this.sessions.set(payload.sessionId, {
      openMovementId: c.id,
      closeMovementId: this.session(payload.sessionId)?.closeMovementId ?? null,
    });
  }

  closeSession(c: Candidate, payload: CashSessionClosedPayload): void {
    const write = this.sessionWrite(c, payload.sessionId);
    Object.assign(write.row, {
      closedAt: new Date(Date.parse(c.occurredAt)).toISOString(),
      closedBy: c.operatorCode,
      declared: toJsonText(payload.declared),
      summary: toJsonText(payload.summary),
      closeMovementId: c.id,
    });
    this.sessions.set(payload.sessionId, {
      openMovementId: this.session(payload.sessionId)?.openMovementId ?? null,
      closeMovementId: c.id,
    });
  }

  recordCashMovement(c: Candidate, payload: CashSessionMovementPayload, businessDate: string): void {
    this.plan.cashMovements.push({
      id: c.id,
      sessionId: payload.sessionId,
      stationId: c.origin.stationId,
      stationCode: c.origin.stationCode,
      storeCode: c.origin.storeCode,
      kind: payload.kind,
      reasonCode: payload.reasonCode,
      amountCents: payload.amountCents,
      note: payload.note ?? null,
      authorizedBy: payload.authorizedBy ?? null,
      operatorCode: c.operatorCode,
      occurredAt: new Date(Date.parse(c.occurredAt)).toISOString(),
      businessDate,
    });
  }

  /**
   * Turns the vouchers this transaction touched into inserts, updates and change-log entries
   * (one per voucher: its state before the transaction and after it). Call once, last.
   */
  finish(): void {
    for (const voucher of this.vouchers.values()) {
      if (!voucher?.touched) continue;
      const { original, touched: _touched, ...row } = voucher;
      const now = { ...row, updatedAt: this.at };
      if (original === null) this.plan.vouchersNew.push(now);
      else
        this.plan.voucherUpdates.push({
          storeCode: now.storeCode,
          code: now.code,
          balanceCents: now.balanceCents,
          status: now.status,
          updatedAt: now.updatedAt,
        });
      this.plan.voucherChanges.push({
        entity: 'voucher',
        key: now.code,
        before: original === null ? null : visibleVoucher(original),
        after: visibleVoucher(now),
      });
    }
  }

  private touch(voucher: VoucherEntry): void {
    voucher.touched = true;
    voucher.updatedAt = this.at;
  }

  private sessionWrite(c: Candidate, sessionId: string): SessionWrite {
    let write = this.plan.sessions.get(sessionId);
    if (!write) {
      write = {
        inDb: this.sessions.get(sessionId) != null,
        row: {
          id: sessionId,
          stationId: c.origin.stationId,
          stationCode: c.origin.stationCode,
          storeCode: c.origin.storeCode,
        },
      };
      this.plan.sessions.set(sessionId, write);
    }
    return write;
  }
}
