import type { MovementEnvelope, SaleCompletedPayload } from '@storelink/contracts';
import { hashPayload } from '@storelink/domain';
import type { Db, Row } from '../../db/schema';
import { businessDateOf, normalizeInstant, toSaleRows } from './ingest.projection';
import { insertRows } from './projections.repository';
import type { MovementOrigin } from './ingest.types';

/** The rows one batch of sales is booked into: what the ingest writes for it, nothing else. */
export interface FloorBatch {
  movements: Row<'movements'>[];
  sales: Row<'sales'>[];
  saleItems: Row<'saleItems'>[];
  salePayments: Row<'salePayments'>[];
}

/**
 * The backlog benchmark's floor (SPEC §9 B2, issue 4): the rows the ingest writes for a backlog
 * of `sale.completed` movements, built with the ingest's own builders, in batches of the same
 * size. Built ahead of time, so the floor times nothing but the writes.
 */
export function buildFloorBatches(
  envelopes: readonly MovementEnvelope[],
  origin: MovementOrigin & { incarnation: number; timezone: string },
  batchSize = 500,
): FloorBatch[] {
  const receivedAt = new Date().toISOString();
  const batches: FloorBatch[] = [];
  for (let i = 0; i < envelopes.length; i += batchSize) {
    const batch: FloorBatch = { movements: [], sales: [], saleItems: [], salePayments: [] };
    envelopes.slice(i, i + batchSize).forEach((m, k) => {
      const payload = m.payload as SaleCompletedPayload;
      const occurredAt = normalizeInstant(m.occurredAt);
      const rows = toSaleRows(
        {
          movementId: m.id,
          stationId: origin.stationId,
          stationCode: origin.stationCode,
          storeCode: origin.storeCode,
          operatorCode: m.operatorCode,
          occurredAt,
          businessDate: businessDateOf(occurredAt, origin.timezone),
        },
        payload,
        payload.payments,
      );
      batch.sales.push(rows.sale);
      batch.saleItems.push(...rows.items);
      batch.salePayments.push(...rows.payments);
      batch.movements.push({
        id: m.id,
        stationId: origin.stationId,
        stationCode: origin.stationCode,
        storeCode: origin.storeCode,
        groupCode: origin.groupCode,
        incarnation: origin.incarnation,
        seq: m.seq,
        type: m.type,
        occurredAt,
        occurredAtSent: null,
        receivedAt,
        operatorCode: m.operatorCode,
        schemaVersion: 1,
        payload: JSON.stringify(m.payload),
        payloadHash: hashPayload(m.payload),
        receivedHash: m.payloadHash,
        status: 'accepted',
        errorCode: null,
        errorDetail: null,
        waitingFor: null,
        saleId: payload.saleId,
        totalCents: payload.totalCents,
        cancelled: 0,
        notes: null,
        erpCursor: i + k + 1,
      });
    });
    batches.push(batch);
  }
  return batches;
}

/**
 * Bulk-inserts the batches, one transaction per batch, with the ingest's multi-row inserts, and
 * returns the elapsed milliseconds: the floor a drain of the same backlog is compared with.
 */
export async function writeFloorBatches(db: Db, batches: readonly FloorBatch[]): Promise<number> {
  const started = performance.now();
  for (const batch of batches) {
    await db.transaction().execute(async (tx) => {
      await insertRows(tx, 'sales', batch.sales);
      await insertRows(tx, 'saleItems', batch.saleItems);
      await insertRows(tx, 'salePayments', batch.salePayments);
      await insertRows(tx, 'movements', batch.movements);
    });
  }
  return performance.now() - started;
}
