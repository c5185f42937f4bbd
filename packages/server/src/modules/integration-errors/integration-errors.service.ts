import type {
  IntegrationError,
  IntegrationErrorHistoryEntry,
  IntegrationErrorPayloadUpdate,
  IntegrationErrorQuery,
  IntegrationErrorReprocessResult,
  IntegrationErrorResolve,
  MovementType,
  PageOf,
} from '@storelink/contracts';
import { hashPayload } from '@storelink/domain';
import { decodeCursor, toPage } from '../../db/paging';
import { runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, invalid, notFound } from '../../http/app-error';
import { commitDecisions } from '../movements/ingest.commit';
import { candidateFromRow, IngestEngine } from '../movements/ingest.engine';
import * as repo from './integration-errors.repository';

export function toIntegrationError(row: repo.IntegrationErrorRow): IntegrationError {
  return {
    id: row.id,
    stationId: row.stationId,
    stationCode: row.stationCode,
    movementId: row.movementId,
    seq: Number(row.seq),
    type: row.type as MovementType,
    code: row.code,
    detail: row.detail,
    status: row.status,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    history: JSON.parse(row.history) as IntegrationErrorHistoryEntry[],
  };
}

export interface IntegrationErrorsDeps extends WriteDeps {
  /** After a commit that booked movements: resolves what waited for them (ingest.service.ts). */
  afterBooking?(released: Set<string>, pendingIds: string[]): Promise<void>;
}

/**
 * Integration errors (SPEC §5, §12.3): movements the server could not book, kept whole, fixable
 * and reprocessable by an operator. Every change is audited in the admin chain with before and
 * after, and appended to the error's own `history`.
 */
export function createIntegrationErrorsService(deps: IntegrationErrorsDeps) {
  async function loadOpen(w: WriteContext, id: string, doing: string): Promise<repo.IntegrationErrorRow> {
    const row = await repo.lockIntegrationError(w.tx, deps.dialect, id);
    if (!row) throw notFound('integration error', id);
    if (row.status !== 'open')
      throw conflict(`Integration error ${id} is ${row.status}; only an open error can be ${doing}.`);
    return row;
  }

  function refuseDuplicate(row: repo.IntegrationErrorRow, doing: string): void {
    if (row.code !== 'duplicate_mismatch') return;
    throw conflict(
      `A duplicate_mismatch cannot be ${doing}: movement ${row.movementId} already holds seq ${row.seq}. ` +
        'Compare the two payloads, settle it outside, then resolve this error.',
    );
  }

  function history(row: repo.IntegrationErrorRow, entry: IntegrationErrorHistoryEntry): string {
    return JSON.stringify([...(JSON.parse(row.history) as IntegrationErrorHistoryEntry[]), entry]);
  }

  return {
    async list(query: IntegrationErrorQuery): Promise<PageOf<IntegrationError>> {
      const limit = query.limit ?? 50;
      const rows = await repo.listIntegrationErrors(deps.db, { ...query, limit }, decodeCursor(query.cursor));
      return toPage(rows, limit, (r) => r.id, toIntegrationError);
    },

    async get(id: string): Promise<IntegrationError> {
      const row = await repo.findIntegrationError(deps.db, id);
      if (!row) throw notFound('integration error', id);
      return toIntegrationError(row);
    },

    countOpen: () => repo.countOpenIntegrationErrors(deps.db),

    /** Replaces the payload of an open error; nothing is booked until it is reprocessed. */
    editPayload(actor: Actor, id: string, input: IntegrationErrorPayloadUpdate): Promise<IntegrationError> {
      return runWrite(deps, actor, async (w) => {
        const row = await loadOpen(w, id, 'edited');
        refuseDuplicate(row, 'edited');
        if (input.payload === undefined) throw invalid([{ path: 'payload', message: 'is required' }]);
        const before = JSON.parse(row.payload) as unknown;
        const patch = {
          payload: JSON.stringify(input.payload),
          payloadHash: hashPayload(input.payload),
          updatedAt: w.at,
          history: history(row, {
            at: w.at,
            actor: actor.name,
            action: 'edit',
            reason: input.reason,
            before,
            after: input.payload,
          }),
        };
        await repo.updateIntegrationError(w.tx, id, patch);
        w.audit({
          action: 'integration_error.edit',
          entity: 'integrationError',
          entityId: id,
          stationId: row.stationId,
          before: { payload: before },
          after: { payload: input.payload },
          details: { reason: input.reason, movementId: row.movementId, seq: Number(row.seq) },
        });
        return toIntegrationError({ ...row, ...patch });
      });
    },

    /**
     * Judges the movement again with the error's current payload, exactly as the ingest would
     * (the payload hash is not checked: an edited payload no longer matches the station's).
     * Accepted: booked, with an ERP cursor, and the error `reprocessed`. Waiting for another
     * station's movement: `pending_reference`, error `reprocessed`. Still failing: the error stays
     * open with the new code and detail. Resolutions it unlocks are booked in the same transaction.
     */
    async reprocess(actor: Actor, id: string): Promise<IntegrationErrorReprocessResult> {
      const result = await runWrite(deps, actor, async (w) => {
        const row = await loadOpen(w, id, 'reprocessed');
        refuseDuplicate(row, 'reprocessed');
        const movement = await repo.lockMovement(w.tx, deps.dialect, row.movementId);
        if (!movement || movement.status !== 'quarantined') {
          throw conflict(
            `Movement ${row.movementId} is ${movement?.status ?? 'missing'}; there is nothing to reprocess.`,
          );
        }
        const engine = new IngestEngine(w.tx, deps.dialect, w.at);
        await engine.judgeAll([candidateFromRow(movement, JSON.parse(row.payload), row.id)]);
        const decisions = engine.finish();
        const verdict = decisions.find((d) => d.candidate.id === movement.id)?.verdict;
        if (!verdict) throw new Error(`movement ${movement.id} was not judged`);
        const after =
          verdict.status === 'quarantined'
            ? { outcome: verdict.status, code: verdict.code, detail: verdict.detail }
            : { outcome: verdict.status };
        const patch = {
          ...(verdict.status === 'quarantined'
            ? { code: verdict.code, detail: verdict.detail }
            : { status: 'reprocessed' as const }),
          updatedAt: w.at,
          history: history(row, { at: w.at, actor: actor.name, action: 'reprocess', after }),
        };
        engine.ledger.plan.errorUpdates.set(id, patch);
        await commitDecisions(w, engine, decisions);
        w.audit({
          action: 'integration_error.reprocess',
          entity: 'integrationError',
          entityId: id,
          stationId: row.stationId,
          before: { status: row.status, code: row.code },
          after: { status: verdict.status === 'quarantined' ? row.status : 'reprocessed', ...after },
          details: { movementId: row.movementId, seq: Number(row.seq) },
        });
        return {
          outcome: verdict.status,
          error: toIntegrationError({ ...row, ...patch }),
          released: engine.released,
          pendingIds: decisions
            .filter((d) => d.verdict.status === 'pending_reference')
            .map((d) => d.candidate.id),
        };
      });
      await deps.afterBooking?.(result.released, result.pendingIds);
      return { outcome: result.outcome, error: result.error };
    },

    /** Closes an open error without booking its movement (it stays quarantined). */
    resolve(actor: Actor, id: string, input: IntegrationErrorResolve): Promise<IntegrationError> {
      return runWrite(deps, actor, async (w) => {
        const row = await loadOpen(w, id, 'resolved');
        const patch = {
          status: 'resolved' as const,
          updatedAt: w.at,
          history: history(row, { at: w.at, actor: actor.name, action: 'resolve', reason: input.note }),
        };
        await repo.updateIntegrationError(w.tx, id, patch);
        w.audit({
          action: 'integration_error.resolve',
          entity: 'integrationError',
          entityId: id,
          stationId: row.stationId,
          before: { status: row.status },
          after: { status: 'resolved' },
          details: { note: input.note, movementId: row.movementId, seq: Number(row.seq) },
        });
        return toIntegrationError({ ...row, ...patch });
      });
    },
  };
}

export type IntegrationErrorsService = ReturnType<typeof createIntegrationErrorsService>;
