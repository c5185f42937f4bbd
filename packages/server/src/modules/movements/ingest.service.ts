import type {
  MovementBatch,
  MovementBatchReply,
  MovementEnvelope,
  MovementResult,
} from '@storelink/contracts';
import type { Row } from '../../db/schema';
import { runWrite, SYSTEM_ACTOR, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { AppError, conflict } from '../../http/app-error';
import { readHeadCursor } from '../changes/change-log.repository';
import type { Metrics } from '../../ops/metrics';
import type { StationContext } from '../../sync/sync.service';
import { commitDecisions, newIntegrationError, type StatusCounts } from './ingest.commit';
import { candidateFromRow, IngestEngine, type Decision } from './ingest.engine';
import * as repo from './ingest.repository';
import type { Candidate, MovementOrigin } from './ingest.types';

/** Where the ingest reports what it did; pino's logger fits. */
export interface IngestLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface IngestDeps extends WriteDeps {
  metrics: Metrics;
  log: IngestLog;
}

/** A movement the server holds: what a resend is compared with. */
interface Held {
  id: string;
  receivedHash: string;
  stationId: string;
}

interface Mismatch {
  held: Held;
  m: MovementEnvelope;
  detail: string;
}

interface BatchOutcome {
  results: (MovementResult | string)[];
  lastSeq: number;
  counts: StatusCounts;
  duplicates: number;
  decisions: Decision[];
  released: Set<string>;
  logAll: boolean;
}

/**
 * The server half of the upstream sync (SPEC §4.3, §12.2): `POST /sync/movements`.
 *
 *   lock lastSeq ─▶ seq ≤ lastSeq: duplicate (hash compared) ─▶ seq = lastSeq+1: judge & book
 *                   seq > lastSeq+1: stop (409 seq_gap when it is the first)
 *   ─▶ projections ─▶ ERP cursors ─▶ movements ─▶ integration errors ─▶ lastSeq ─▶ change log
 *
 * One transaction per batch, in seq order. The station's sequence row is locked first, so two
 * batches of one station serialise on PostgreSQL; every movement that gets a seq is stored, booked
 * or not, and `lastSeq` advances past it: one bad movement never blocks the ones behind it. A
 * resent batch answers `duplicate` for what is already held, so a lost reply is harmless.
 * Failure (a thrown error) rolls everything back: the station resends.
 */
export function createIngestService(deps: IngestDeps) {
  async function receive(context: StationContext, batch: MovementBatch): Promise<MovementBatchReply> {
    const { station, group } = context;
    if (batch.incarnation !== station.incarnation) {
      throw conflict(
        `This batch belongs to incarnation ${batch.incarnation}, but station ${station.code} is paired as ` +
          `incarnation ${station.incarnation}. A re-paired register sends under its new incarnation: pair it again.`,
      );
    }
    const origin: MovementOrigin = {
      stationId: station.id,
      stationCode: station.code,
      storeCode: group.storeCode,
      groupCode: group.code,
    };
    const actor: Actor = { kind: 'station', name: station.code, id: station.id };
    const outcome = await runWrite(deps, actor, (w) => ingestBatch(w, origin, batch));
    report(origin, outcome);
    await sweepAfterCommit(outcome.released, pendingIdsOf(outcome.decisions));

    const byId = new Map(outcome.decisions.map((d) => [d.candidate.id, d]));
    const results = outcome.results.map((r) => (typeof r === 'string' ? resultOf(byId.get(r)) : r));
    return {
      ackedThrough: outcome.lastSeq,
      results,
      expectedSeq: outcome.lastSeq + 1,
      serverCursor: String(await readHeadCursor(deps.db)),
    };
  }

  async function ingestBatch(
    w: WriteContext,
    origin: MovementOrigin,
    batch: MovementBatch,
  ): Promise<BatchOutcome> {
    const lastSeq = await repo.lockLastSeq(w.tx, origin.stationId, batch.incarnation);
    const first = batch.movements[0] as MovementEnvelope;
    if (first.seq > lastSeq + 1) {
      throw new AppError(
        'seq_gap',
        `The batch starts at seq ${first.seq}, but the server holds up to ${lastSeq}. Resend from seq ${lastSeq + 1}.`,
        { extra: { expectedSeq: lastSeq + 1 } },
      );
    }

    // Seq order: what the server holds already, then the next ones, up to any gap.
    let next = lastSeq + 1;
    const held: MovementEnvelope[] = [];
    const fresh: MovementEnvelope[] = [];
    for (const m of batch.movements) {
      if (m.seq < next) held.push(m);
      else if (m.seq === next) {
        fresh.push(m);
        next += 1;
      } else break;
    }

    const inBatch = new Map(fresh.map((m) => [m.seq, m]));
    const storedBySeq = new Map(
      (
        await repo.readMovementsBySeqs(
          w.tx,
          origin.stationId,
          batch.incarnation,
          held.filter((m) => !inBatch.has(m.seq)).map((m) => m.seq),
        )
      ).map((r): [number, Held] => [
        Number(r.seq),
        { id: r.id, receivedHash: r.receivedHash, stationId: origin.stationId },
      ]),
    );
    for (const [seq, m] of inBatch)
      storedBySeq.set(seq, { id: m.id, receivedHash: m.payloadHash, stationId: origin.stationId });
    const storedById = new Map(
      (
        await repo.readMovementsByIds(
          w.tx,
          [...held, ...fresh].map((m) => m.id),
        )
      ).map((r) => [r.id, r]),
    );

    const results: (MovementResult | string)[] = [];
    const mismatches: Mismatch[] = [];
    const candidates: Candidate[] = [];
    const checkHeld = (m: MovementEnvelope, held: Held | undefined, what: string) => {
      if (
        held &&
        held.id === m.id &&
        held.receivedHash === m.payloadHash &&
        held.stationId === origin.stationId
      ) {
        results.push({ seq: m.seq, id: m.id, status: 'duplicate' });
        return;
      }
      const detail = held
        ? `${what} is already held as movement ${held.id} with payload hash ${held.receivedHash}; it was resent ` +
          `as movement ${m.id} with hash ${m.payloadHash}. The held movement stands: compare the two, then resolve this error.`
        : `${what} was acknowledged before but is not on the server; nothing was booked for the resent movement ${m.id}.`;
      results.push({ seq: m.seq, id: m.id, status: 'duplicate', code: 'duplicate_mismatch', detail });
      if (held) mismatches.push({ held, m, detail });
    };

    for (const m of held) {
      // A seq whose slot went to a movement held from an earlier incarnation has no row of its own.
      const byId = storedById.get(m.id);
      const sameMovement = byId && {
        id: byId.id,
        receivedHash: byId.receivedHash,
        stationId: byId.stationId,
      };
      checkHeld(m, storedBySeq.get(m.seq) ?? sameMovement, `Seq ${m.seq}`);
    }
    const firstById = new Map<string, Held>();
    for (const m of fresh) {
      // The same movement under another seq: a restored register resending under a new incarnation.
      const stored = storedById.get(m.id);
      const earlier = stored
        ? { id: stored.id, receivedHash: stored.receivedHash, stationId: stored.stationId }
        : firstById.get(m.id);
      if (earlier) {
        checkHeld(m, earlier, `Movement ${m.id}`);
        continue;
      }
      firstById.set(m.id, { id: m.id, receivedHash: m.payloadHash, stationId: origin.stationId });
      candidates.push({
        id: m.id,
        origin,
        incarnation: batch.incarnation,
        seq: m.seq,
        type: m.type,
        occurredAt: m.occurredAt,
        receivedAt: w.at,
        operatorCode: m.operatorCode,
        schemaVersion: m.schemaVersion,
        payload: m.payload,
        receivedHash: m.payloadHash,
        checkHash: true,
        stored: null,
      });
      results.push(m.id);
    }

    const errors = await mismatchErrors(w, origin, batch.incarnation, mismatches);
    const engine = new IngestEngine(w.tx, deps.dialect, w.at);
    await engine.judgeAll(candidates);
    const decisions = engine.finish();
    const counts = await commitDecisions(w, engine, decisions, errors);
    if (next - 1 > lastSeq) await repo.saveLastSeq(w.tx, origin.stationId, batch.incarnation, next - 1);
    return {
      results,
      lastSeq: next - 1,
      counts,
      duplicates: held.length + fresh.length - candidates.length,
      decisions,
      released: engine.released,
      logAll: (await repo.readIntegrationLogLevel(w.tx)) === 'all',
    };
  }

  /** One `duplicate_mismatch` error per held movement and resent payload, never repeated. */
  async function mismatchErrors(
    w: WriteContext,
    origin: MovementOrigin,
    incarnation: number,
    mismatches: Mismatch[],
  ): Promise<Row<'integrationErrors'>[]> {
    if (mismatches.length === 0) return [];
    const known = await repo.readMismatchKeys(
      w.tx,
      mismatches.map((x) => x.held.id),
    );
    const out: Row<'integrationErrors'>[] = [];
    for (const { held, m, detail } of mismatches) {
      const key = `${held.id}|${m.payloadHash}`;
      if (known.has(key)) continue;
      known.add(key);
      let payloadText = 'null';
      try {
        payloadText = JSON.stringify(m.payload) ?? 'null';
      } catch {
        // Kept as null: the detail names both hashes.
      }
      const candidate = { id: held.id, origin, incarnation, seq: m.seq, type: m.type } as Candidate;
      out.push(
        newIntegrationError(
          w,
          { candidate, payloadText, payloadHash: m.payloadHash },
          'duplicate_mismatch',
          detail,
        ),
      );
    }
    return out;
  }

  /**
   * On PostgreSQL two stations' transactions can cross: B stores an exchange as pending while A's
   * transaction, which books the sale it waits for, is still open, and neither sees the other.
   * So after commit, movements waiting for what this batch booked, and this batch's own pending
   * movements, are judged again in a new transaction; whichever of A and B commits last finds the
   * other. SQLite has one writer, so the in-transaction resolution is complete there. Best effort:
   * a failure is logged, and the next batch's sweep (or a reprocess) picks the movement up.
   */
  async function sweepAfterCommit(released: Set<string>, pendingIds: string[]): Promise<void> {
    if (deps.dialect !== 'postgres' || (released.size === 0 && pendingIds.length === 0)) return;
    try {
      if (!(await repo.hasAnyPending(deps.db))) return;
      await resolvePending([...released], pendingIds);
    } catch (error) {
      deps.log.warn(
        { err: error },
        'resolving pending references after commit failed; retried on the next batch',
      );
    }
  }

  /** Judges again the pending movements waiting for `keys` or with `ids`, and books what resolves. */
  async function resolvePending(keys: string[], ids: string[]): Promise<void> {
    const outcome = await runWrite(deps, SYSTEM_ACTOR, async (w) => {
      const rows = await repo.readPending(w.tx, deps.dialect, keys, ids);
      if (rows.length === 0) return null;
      const engine = new IngestEngine(w.tx, deps.dialect, w.at);
      await engine.judgeAll(rows.map((row) => candidateFromRow(row)));
      const decisions = engine.finish();
      return { counts: await commitDecisions(w, engine, decisions), decisions };
    });
    if (outcome) countMetrics(outcome.counts, 0);
  }

  function report(origin: MovementOrigin, outcome: BatchOutcome): void {
    countMetrics(outcome.counts, outcome.duplicates);
    for (const r of outcome.results) {
      if (typeof r !== 'string' && r.code === 'duplicate_mismatch')
        deps.log.warn(
          { station: origin.stationCode, seq: r.seq, id: r.id, detail: r.detail },
          'duplicate_mismatch',
        );
    }
    for (const d of outcome.decisions) {
      const c = d.candidate;
      const fields = {
        station: c.origin.stationCode,
        seq: c.seq,
        id: c.id,
        type: c.type,
        status: d.verdict.status,
      };
      if (d.verdict.status === 'quarantined')
        deps.log.warn({ ...fields, code: d.verdict.code, detail: d.verdict.detail }, 'movement quarantined');
      else if (outcome.logAll) deps.log.info(fields, `movement ${d.verdict.status}`);
    }
  }

  function countMetrics(counts: StatusCounts, duplicates: number): void {
    for (const [status, n] of Object.entries(counts)) deps.metrics.movements.inc({ status }, n);
    if (duplicates > 0) deps.metrics.movements.inc({ status: 'duplicate' }, duplicates);
  }

  return { receive, resolvePending, sweepAfterCommit };
}

export type IngestService = ReturnType<typeof createIngestService>;

function pendingIdsOf(decisions: readonly Decision[]): string[] {
  return decisions.filter((d) => d.verdict.status === 'pending_reference').map((d) => d.candidate.id);
}

function resultOf(d: Decision | undefined): MovementResult {
  if (!d) throw new Error('a movement of the batch was not judged');
  const { seq, id } = d.candidate;
  const v = d.verdict;
  if (v.status === 'accepted') return { seq, id, status: 'accepted' };
  if (v.status === 'quarantined') return { seq, id, status: 'quarantined', code: v.code, detail: v.detail };
  return { seq, id, status: 'pending_reference', detail: v.detail };
}
