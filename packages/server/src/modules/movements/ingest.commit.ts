import type { IntegrationErrorHistoryEntry, MovementResultStatus } from '@storelink/contracts';
import { newId } from '../../db/ids';
import type { Row } from '../../db/schema';
import type { WriteContext } from '../../db/write';
import type { Decision, IngestEngine } from './ingest.engine';
import { normalizeInstant } from './ingest.projection';
import { reserveErpCursors } from './erp-feed.repository';
import {
  insertMovements,
  updateMovements,
  writeIntegrationErrors,
  writeProjections,
} from './projections.repository';
import { appendStationAudit } from './station-audit.repository';

/** How many movements ended in each status, for metrics. */
export type StatusCounts = Partial<Record<MovementResultStatus, number>>;

/**
 * Writes what an engine decided, in this order (see ingest.service.ts for why):
 *
 *   projections → station audit → ERP cursors (lock) → movements → integration errors → change log
 *
 * New candidates become movement rows; stored ones are updated when their verdict changed. A
 * movement quarantined for the first time gets an open integration error; a reprocessed one
 * (`stored.integrationErrorId`) is left to the caller, which knows who asked and why.
 */
export async function commitDecisions(
  w: WriteContext,
  engine: IngestEngine,
  decisions: readonly Decision[],
  extraErrors: readonly Row<'integrationErrors'>[] = [],
): Promise<StatusCounts> {
  const plan = engine.ledger.plan;
  const counts: StatusCounts = {};
  for (const d of decisions) {
    if (!isUnchangedPending(d)) counts[d.verdict.status] = (counts[d.verdict.status] ?? 0) + 1;
    if (d.verdict.status === 'accepted') plan.accepted.push(d.candidate.id);
  }

  await writeProjections(w.tx, plan);
  await appendStationAudit(w.tx, plan.stationAudit);

  const cursors = new Map<string, number>();
  if (plan.accepted.length > 0) {
    const first = await reserveErpCursors(w.tx, plan.accepted.length);
    plan.accepted.forEach((id, i) => cursors.set(id, first + i));
  }

  for (const d of decisions) {
    const c = d.candidate;
    const v = d.verdict;
    const fields = {
      status: v.status,
      errorCode: v.status === 'quarantined' ? v.code : null,
      errorDetail: v.status === 'accepted' ? null : v.detail,
      waitingFor: v.status === 'pending_reference' ? v.waitingFor : null,
      notes: v.status === 'accepted' && v.notes.length > 0 ? JSON.stringify(v.notes) : null,
      erpCursor: cursors.get(c.id) ?? null,
    };
    if (c.stored === null) {
      const occurredAt = normalizeInstant(c.occurredAt);
      plan.movements.push({
        id: c.id,
        stationId: c.origin.stationId,
        stationCode: c.origin.stationCode,
        storeCode: c.origin.storeCode,
        groupCode: c.origin.groupCode,
        incarnation: c.incarnation,
        seq: c.seq,
        type: c.type,
        occurredAt,
        occurredAtSent: occurredAt === c.occurredAt ? null : c.occurredAt,
        receivedAt: c.receivedAt,
        operatorCode: c.operatorCode,
        schemaVersion: c.schemaVersion,
        payload: d.payloadText,
        payloadHash: d.payloadHash,
        receivedHash: c.receivedHash,
        saleId: d.saleId,
        totalCents: d.totalCents,
        cancelled: 0,
        ...fields,
      });
    } else if (!isUnchangedPending(d)) {
      // A booked or waiting movement holds the payload it was judged with (an edited one, after a
      // reprocess); a still-quarantined one keeps what it was received with.
      const payload =
        v.status === 'quarantined'
          ? {}
          : {
              payload: d.payloadText,
              payloadHash: d.payloadHash,
              saleId: d.saleId,
              totalCents: d.totalCents,
            };
      plan.movementUpdates.set(c.id, { ...fields, ...payload });
    }
    if (v.status === 'quarantined' && c.stored?.integrationErrorId == null) {
      plan.errorsNew.push(newIntegrationError(w, d, v.code, v.detail));
    }
  }
  plan.errorsNew.push(...extraErrors);

  await insertMovements(w.tx, plan.movements, plan.cancelledSaleMovements);
  await updateMovements(w.tx, plan.movementUpdates);
  await writeIntegrationErrors(w.tx, plan);
  for (const change of plan.voucherChanges) w.recordChange(change);
  return counts;
}

function isUnchangedPending(d: Decision): boolean {
  const stored = d.candidate.stored;
  return (
    stored !== null &&
    stored.status === 'pending_reference' &&
    d.verdict.status === 'pending_reference' &&
    d.verdict.waitingFor === stored.waitingFor
  );
}

/** An open integration error for a movement the server could not book, with the payload whole. */
export function newIntegrationError(
  w: WriteContext,
  d: Pick<Decision, 'candidate' | 'payloadText' | 'payloadHash'>,
  code: string,
  detail: string,
): Row<'integrationErrors'> {
  const c = d.candidate;
  const history: IntegrationErrorHistoryEntry[] = [
    { at: w.at, actor: w.actor.name, action: 'quarantine', after: { code, detail } },
  ];
  return {
    id: newId(),
    movementId: c.id,
    stationId: c.origin.stationId,
    stationCode: c.origin.stationCode,
    storeCode: c.origin.storeCode,
    seq: c.seq,
    type: c.type,
    code,
    detail,
    status: 'open',
    payload: d.payloadText,
    payloadHash: d.payloadHash,
    history: JSON.stringify(history),
    createdAt: w.at,
    updatedAt: w.at,
  };
}
