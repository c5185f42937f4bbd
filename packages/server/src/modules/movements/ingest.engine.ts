import type {
  ExchangeCompletedPayload,
  MovementPayloads,
  MovementType,
  SaleCompletedPayload,
} from '@storelink/contracts';
import type { Dialect } from '../../db/database';
import type { Executor, Row } from '../../db/schema';
import { emptyNeeds, IngestCatalog, promotionKey, type CatalogNeeds } from './ingest.catalog';
import { emptyLedgerNeeds, IngestLedger, type LedgerNeeds } from './ingest.ledger';
import * as repo from './ingest.repository';
import { judge } from './ingest.rules';
import { quarantine, voucherKey, type Candidate, type Verdict } from './ingest.types';
import { hashPayloadNative } from './payload-hash';
import { checkPayloadSchema } from './payload-schemas';
import { catalogCursorOf } from './repricing';

/** What became of one candidate, with what its movement row records about it. */
export interface Decision {
  candidate: Candidate;
  verdict: Verdict;
  /** The payload as JSON text and its hash (as received, or as edited). */
  payloadText: string;
  payloadHash: string;
  saleId: string | null;
  totalCents: number | null;
}

type AnyPayload = MovementPayloads[MovementType];

interface Prepared {
  candidate: Candidate;
  payloadText: string;
  payloadHash: string;
  payload: AnyPayload | null;
  invalid: Verdict | null;
}

/**
 * Judges movements in order inside one transaction, and books the accepted ones into the ledger:
 *
 *   round 1: the batch, in seq order           ─ books sale S, issues voucher V …
 *   round 2: pending movements waiting for S/V ─ (stored ones, and earlier ones of this run)
 *   round n: … until a round releases nothing new
 *
 * Each round loads what it needs in bulk (catalog and ledger), then judges movement by movement
 * in memory. A pending movement whose reference is booked in the same transaction is therefore
 * resolved in that transaction (SPEC §4.3: references resolve on their own).
 */
export class IngestEngine {
  readonly catalog: IngestCatalog;
  readonly ledger: IngestLedger;
  /** Every reference booked in this transaction (for the sweep after a PostgreSQL commit). */
  readonly released = new Set<string>();
  private readonly decisions = new Map<string, Decision>();
  private storedPending: boolean | undefined;

  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
    at: string,
  ) {
    this.catalog = new IngestCatalog(db);
    this.ledger = new IngestLedger(db, dialect, at);
  }

  async judgeAll(candidates: readonly Candidate[]): Promise<void> {
    let round: Candidate[] = [...candidates];
    while (round.length > 0) {
      await this.judgeRound(round);
      const keys = [...this.ledger.released];
      this.ledger.released.clear();
      for (const key of keys) this.released.add(key);
      if (keys.length === 0) break;
      const waiting = new Set(keys);
      const again = [...this.decisions.values()]
        .filter((d) => d.verdict.status === 'pending_reference' && waiting.has(d.verdict.waitingFor))
        .map((d) => d.candidate);
      const stored = (await this.hasStoredPending())
        ? (await repo.readPending(this.db, this.dialect, keys)).filter((row) => !this.decisions.has(row.id))
        : [];
      round = [...again, ...stored.map((row) => candidateFromRow(row))];
    }
  }

  /**
   * Whether any movement stored before this transaction waits for a reference: usually none, and
   * then no round looks them up. Pending movements of this transaction are in `decisions`; one a
   * concurrent PostgreSQL transaction commits meanwhile is found by the sweep after commit.
   */
  private async hasStoredPending(): Promise<boolean> {
    this.storedPending ??= await repo.hasAnyPending(this.db);
    return this.storedPending;
  }

  /** The decisions, in the order movements were first judged. Books the voucher changes. */
  finish(): Decision[] {
    this.ledger.finish();
    return [...this.decisions.values()];
  }

  private async judgeRound(candidates: readonly Candidate[]): Promise<void> {
    const prepared = candidates.map(prepare);
    const catalogNeeds = emptyNeeds();
    const ledgerNeeds = emptyLedgerNeeds();
    for (const p of prepared)
      if (p.payload !== null) collectNeeds(p.candidate, p.payload, catalogNeeds, ledgerNeeds);
    await this.catalog.load(catalogNeeds);
    await this.ledger.load(ledgerNeeds);

    for (const p of prepared) {
      let verdict: Verdict;
      if (p.invalid !== null || p.payload === null) {
        verdict = p.invalid ?? quarantine('invalid_payload', 'The payload could not be read.');
      } else {
        try {
          const judgement = judge(p.candidate, p.payload, this.catalog, this.ledger);
          if (judgement.status === 'accepted') {
            judgement.book();
            verdict = { status: 'accepted', notes: judgement.notes };
          } else verdict = judgement;
        } catch (error) {
          // The domain refuses input its contract rules out (a date that does not exist…).
          if (!(error instanceof RangeError)) throw error;
          verdict = quarantine('invalid_payload', `The payload cannot be booked: ${error.message}.`);
        }
      }
      // Re-judging a pending movement keeps its first position in the order of decisions.
      this.decisions.set(p.candidate.id, {
        candidate: p.candidate,
        verdict,
        payloadText: p.payloadText,
        payloadHash: p.payloadHash,
        ...summaryOf(p.candidate.type, p.payload),
      });
    }
  }
}

function prepare(c: Candidate): Prepared {
  let payloadText: string;
  let payloadHash: string;
  try {
    payloadText = JSON.stringify(c.payload) ?? 'null';
    payloadHash = hashPayloadNative(c.payload);
  } catch {
    return {
      candidate: c,
      payloadText: 'null',
      payloadHash: c.receivedHash,
      payload: null,
      invalid: quarantine('invalid_payload', 'The payload is not a JSON value.'),
    };
  }
  const base = { candidate: c, payloadText, payloadHash };
  if (c.checkHash && payloadHash !== c.receivedHash) {
    return {
      ...base,
      payload: null,
      invalid: quarantine(
        'invalid_payload',
        `payloadHash ${c.receivedHash} does not match the payload (its JCS SHA-256 is ${payloadHash}): ` +
          'the payload changed after the station hashed it.',
      ),
    };
  }
  const problem = checkPayloadSchema(c.type, c.payload);
  if (problem !== null) return { ...base, payload: null, invalid: quarantine('invalid_payload', problem) };
  return { ...base, payload: c.payload as AnyPayload, invalid: null };
}

function collectNeeds(c: Candidate, payload: AnyPayload, catalog: CatalogNeeds, ledger: LedgerNeeds): void {
  const store = c.origin.storeCode;
  catalog.operators.add(c.operatorCode);
  catalog.groups.add(c.origin.groupCode);
  catalog.stores.add(store);
  if ('authorizedBy' in payload && payload.authorizedBy !== undefined)
    catalog.operators.add(payload.authorizedBy);
  switch (c.type) {
    case 'sale.completed': {
      const p = payload as SaleCompletedPayload;
      catalog.sellers.add(p.sellerCode);
      if (p.discountAuthorizedBy !== undefined) catalog.operators.add(p.discountAuthorizedBy);
      for (const item of p.items) catalog.skus.add(item.skuCode);
      const cursor = catalogCursorOf(p);
      catalog.promotions.set(promotionKey(c.origin.groupCode, cursor), [c.origin.groupCode, cursor]);
      ledger.saleIds.add(p.saleId);
      for (const pay of p.payments) {
        if (pay.voucherCode !== undefined)
          ledger.vouchers.set(voucherKey(store, pay.voucherCode), {
            storeCode: store,
            code: pay.voucherCode,
          });
      }
      break;
    }
    case 'sale.cancelled': {
      const { saleId } = payload as MovementPayloads['sale.cancelled'];
      ledger.saleIds.add(saleId);
      ledger.cancelSaleIds.add(saleId);
      break;
    }
    case 'exchange.completed': {
      const p = payload as ExchangeCompletedPayload;
      for (const item of p.items) catalog.skus.add(item.skuCode);
      ledger.exchangeIds.add(p.exchangeId);
      if (p.originalSaleId !== undefined) ledger.saleIds.add(p.originalSaleId);
      if (p.voucher)
        ledger.vouchers.set(voucherKey(store, p.voucher.code), { storeCode: store, code: p.voucher.code });
      break;
    }
    case 'exchange.cancelled':
      ledger.exchangeIds.add((payload as MovementPayloads['exchange.cancelled']).exchangeId);
      break;
    case 'cash_session.opened':
    case 'cash_session.closed':
      ledger.sessionIds.add((payload as MovementPayloads['cash_session.opened']).sessionId);
      break;
    case 'cash_session.movement':
    case 'audit.event':
      break;
  }
}

/** The sale id and total the station query shows for a movement, read from a valid payload. */
function summaryOf(
  type: MovementType,
  payload: AnyPayload | null,
): { saleId: string | null; totalCents: number | null } {
  if (payload === null) return { saleId: null, totalCents: null };
  switch (type) {
    case 'sale.completed': {
      const p = payload as SaleCompletedPayload;
      return { saleId: p.saleId, totalCents: p.totalCents };
    }
    case 'sale.cancelled':
      return { saleId: (payload as MovementPayloads['sale.cancelled']).saleId, totalCents: null };
    case 'exchange.completed': {
      const p = payload as ExchangeCompletedPayload;
      return {
        saleId: p.originalSaleId ?? null,
        totalCents: p.items.reduce((a, i) => a + i.quantity * i.unitPriceCents, 0),
      };
    }
    case 'cash_session.movement':
      return { saleId: null, totalCents: (payload as MovementPayloads['cash_session.movement']).amountCents };
    case 'exchange.cancelled':
    case 'cash_session.opened':
    case 'cash_session.closed':
    case 'audit.event':
      return { saleId: null, totalCents: null };
  }
}

/** A stored movement as a candidate to judge again, with the payload it holds now. */
export function candidateFromRow(
  row: Row<'movements'>,
  payload: unknown = JSON.parse(row.payload),
  integrationErrorId: string | null = null,
): Candidate {
  return {
    id: row.id,
    origin: {
      stationId: row.stationId,
      stationCode: row.stationCode,
      storeCode: row.storeCode,
      groupCode: row.groupCode,
    },
    incarnation: row.incarnation,
    seq: Number(row.seq),
    type: row.type as MovementType,
    occurredAt: row.occurredAtSent ?? row.occurredAt,
    receivedAt: row.receivedAt,
    operatorCode: row.operatorCode,
    schemaVersion: row.schemaVersion,
    payload,
    receivedHash: row.receivedHash,
    checkHash: false,
    stored: { status: row.status, waitingFor: row.waitingFor, integrationErrorId },
  };
}
