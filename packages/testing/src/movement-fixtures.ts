import { randomUUID } from 'node:crypto';
import type {
  AuditEventPayload,
  MovementBatchReply,
  MovementEnvelope,
  MovementPayloads,
  MovementType,
  Problem,
  SaleCompletedPayload,
  SalePayment,
} from '@storelink/contracts';
import { hashPayload, stationAuditHash } from '@storelink/domain';
import { pairStation, seedStation } from './sync-fixtures';
import type { TestApi, TestResponse, TestServer } from './test-server';

/**
 * Builders for upstream-sync tests: master data a sale can refer to, a really paired station that
 * numbers its movements like the station's outbox (gap-free `seq`, JCS payload hash), and payload
 * builders whose arithmetic adds up unless a test says otherwise.
 */

export const OPERATOR = 'OP1';
export const SUPERVISOR = 'SUP1';
export const SELLER = 'V1';
export const SKUS = ['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4'] as const;

async function expectCreated(res: TestResponse, what: string): Promise<void> {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Registers what movements refer to, once per server, through the API: a product with SKUs, seller `V1`, operators `OP1` (cashier) and `SUP1`
 * (supervisor), payment types `CASH` (gives change), `CARD` (installments), `PIX`, `VOUCHER`
 * (kind voucher), condition `CARD3X` (3 monthly installments on CARD), and reasons `WD`
 * (withdrawal), `SP` (supply), `EX` (expense).
 */
export async function seedMovementMasterData(t: TestServer): Promise<void> {
  await expectCreated(
    await t.api.post('/api/v1/products', {
      code: 'P-1',
      name: 'Camiseta',
      category: 'shirts',
      skus: SKUS.map((code, i) => ({ code, color: 'blue', size: String(i + 1) })),
    }),
    'product',
  );
  const api = t.api;
  await expectCreated(await api.post('/api/v1/sellers', { code: SELLER, name: 'Vendedora' }), 'seller');
  await expectCreated(
    await api.post('/api/v1/operators', { code: OPERATOR, name: 'Caixa', role: 'cashier', pin: '1234' }),
    'operator',
  );
  await expectCreated(
    await api.post('/api/v1/operators', {
      code: SUPERVISOR,
      name: 'Gerente',
      role: 'supervisor',
      pin: '4321',
    }),
    'supervisor',
  );
  for (const [code, kind, extra] of [
    ['CASH', 'cash', { givesChange: true }],
    ['CARD', 'credit_card', { allowsInstallments: true }],
    ['PIX', 'pix', {}],
    ['VOUCHER', 'voucher', {}],
  ] as const) {
    await expectCreated(
      await api.post('/api/v1/payment-types', { code, name: code, kind, fiscalCode: '01', ...extra }),
      `payment type ${code}`,
    );
  }
  await expectCreated(
    await api.post('/api/v1/payment-conditions', {
      code: 'CARD3X',
      name: '3x',
      paymentTypeCodes: ['CARD'],
      installments: 3,
      firstDueDays: 30,
      intervalDays: 30,
    }),
    'condition',
  );
  for (const [code, kind] of [
    ['WD', 'withdrawal'],
    ['SP', 'supply'],
    ['EX', 'expense'],
  ] as const) {
    await expectCreated(
      await api.post('/api/v1/financial-reasons', { code, name: code, kind }),
      `reason ${code}`,
    );
  }
}

export type BatchResponse = TestResponse<MovementBatchReply & Problem>;

/** A paired station that numbers movements as its outbox would. */
export interface MovementStation {
  stationId: string;
  stationCode: string;
  storeCode: string;
  groupCode: string;
  incarnation: number;
  api: TestApi;
  /** The seq the next `movement()` takes. */
  nextSeq: number;
  /** An envelope with the next seq and the payload's JCS SHA-256. */
  movement<T extends MovementType>(
    type: T,
    payload: MovementPayloads[T],
    options?: { occurredAt?: string; operatorCode?: string },
  ): MovementEnvelope;
  /** `POST /api/v1/sync/movements` with the station's token. */
  send(movements: readonly MovementEnvelope[], incarnation?: number): Promise<BatchResponse>;
  /** An `audit.event` chained to the previous one this station built. */
  auditEvent(
    action: string,
    details: unknown,
    options?: { occurredAt?: string; operatorCode?: string },
  ): MovementEnvelope;
}

/** Seeds a station (store, group and price list as needed) and pairs it through the API. */
export async function pairMovementStation(
  t: TestServer,
  codes: { station: string; store?: string; group?: string },
): Promise<MovementStation> {
  const fixture = await seedStation(t, codes);
  const paired = await pairStation(t.anonymous, fixture.pairingCode);
  if (paired.status !== 200) throw new Error(`pairing ${codes.station}: ${JSON.stringify(paired.body)}`);
  const api = t.anonymous.as(paired.body.token);
  let auditHead = '0'.repeat(64);
  const station: MovementStation = {
    stationId: fixture.stationId,
    stationCode: fixture.stationCode,
    storeCode: fixture.storeCode,
    groupCode: fixture.groupCode,
    incarnation: paired.body.incarnation,
    api,
    nextSeq: 1,
    movement(type, payload, options = {}) {
      const envelope: MovementEnvelope = {
        id: randomUUID(),
        seq: station.nextSeq,
        type,
        occurredAt: options.occurredAt ?? new Date().toISOString(),
        operatorCode: options.operatorCode ?? OPERATOR,
        schemaVersion: 1,
        payload,
        payloadHash: hashPayload(payload),
      };
      station.nextSeq += 1;
      return envelope;
    },
    send(movements, incarnation = station.incarnation) {
      return api.post<MovementBatchReply & Problem>('/api/v1/sync/movements', {
        incarnation,
        movements,
      });
    },
    auditEvent(action, details, options = {}) {
      const occurredAt = options.occurredAt ?? new Date().toISOString();
      const operatorCode = options.operatorCode ?? OPERATOR;
      const hash = stationAuditHash(auditHead, {
        stationCode: station.stationCode,
        incarnation: station.incarnation,
        occurredAt,
        operatorCode,
        action,
        details,
      });
      const payload: AuditEventPayload = { action, details, prevHash: auditHead, hash };
      auditHead = hash;
      return station.movement('audit.event', payload, { occurredAt, operatorCode });
    },
  };
  return station;
}

export interface SaleLine {
  skuCode?: string;
  quantity?: number;
  unitPriceCents?: number;
  discountCents?: number;
  promotionCodes?: string[];
}

/**
 * A `sale.completed` payload whose lines and totals add up. Without `payments` it is paid in
 * cash, exactly. `sessionId` defaults to a fresh id (the ingest does not require an open till).
 */
export function salePayload(
  options: {
    saleId?: string;
    number?: number;
    sessionId?: string;
    sellerCode?: string;
    items?: SaleLine[];
    payments?: SalePayment[];
    catalogCursor?: string;
  } = {},
): SaleCompletedPayload {
  const lines = (options.items ?? [{}, { skuCode: SKUS[1], unitPriceCents: 2500, quantity: 2 }]).map(
    (l, i) => {
      const quantity = l.quantity ?? 1;
      const unitPriceCents = l.unitPriceCents ?? 5000;
      const discountCents = l.discountCents ?? 0;
      return {
        lineNo: i + 1,
        skuCode: l.skuCode ?? SKUS[0],
        quantity,
        unitPriceCents,
        discountCents,
        promotionCodes: l.promotionCodes ?? [],
        totalCents: quantity * unitPriceCents - discountCents,
      };
    },
  );
  const subtotalCents = lines.reduce((a, l) => a + l.quantity * l.unitPriceCents, 0);
  const discountCents = lines.reduce((a, l) => a + l.discountCents, 0);
  const totalCents = subtotalCents - discountCents;
  return {
    saleId: options.saleId ?? randomUUID(),
    number: options.number ?? 1,
    sessionId: options.sessionId ?? randomUUID(),
    sellerCode: options.sellerCode ?? SELLER,
    items: lines,
    payments: options.payments ?? [{ paymentTypeCode: 'CASH', amountCents: totalCents }],
    subtotalCents,
    discountCents,
    totalCents,
    ...(options.catalogCursor !== undefined ? { catalogCursor: options.catalogCursor } : {}),
  };
}

/** An `exchange.completed` settled by a voucher worth the returned items. */
export function voucherExchangePayload(options: {
  voucherCode: string;
  exchangeId?: string;
  originalSaleId?: string;
  unitPriceCents?: number;
  quantity?: number;
}): MovementPayloads['exchange.completed'] {
  const unitPriceCents = options.unitPriceCents ?? 5000;
  const quantity = options.quantity ?? 1;
  return {
    exchangeId: options.exchangeId ?? randomUUID(),
    ...(options.originalSaleId !== undefined ? { originalSaleId: options.originalSaleId } : {}),
    items: [{ skuCode: SKUS[0], quantity, unitPriceCents }],
    settlement: 'voucher',
    voucher: { code: options.voucherCode, amountCents: unitPriceCents * quantity },
    reason: 'size',
  };
}

export { randomUUID as newTestId };
