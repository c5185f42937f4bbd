import { sql, type SqlBool } from 'kysely';
import type { Executor, Row } from '../db/schema';
import type { Scope } from '../modules/changes/change-plan';

export type StationRow = Row<'stations'>;
export type StationGroupRow = Row<'stationGroups'>;

const CHANGE_FLOOR = 'change_floor';

export async function findStationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function findStationByPairingCodeHash(
  db: Executor,
  codeHash: string,
): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('pairingCodeHash', '=', codeHash).executeTakeFirst();
}

export async function findStationById(db: Executor, id: string): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupByCode(db: Executor, code: string): Promise<StationGroupRow | undefined> {
  return db.selectFrom('stationGroups').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateStation(db: Executor, id: string, patch: Partial<StationRow>): Promise<void> {
  await db.updateTable('stations').set(patch).where('id', '=', id).execute();
}

export async function readMinStationVersion(db: Executor): Promise<string> {
  const row = await db.selectFrom('settings').select('minStationVersion').executeTakeFirstOrThrow();
  return row.minStationVersion;
}

export async function readRetentionDays(db: Executor): Promise<number> {
  const row = await db.selectFrom('settings').select('changeRetentionDays').executeTakeFirstOrThrow();
  return row.changeRetentionDays;
}

export async function saveStationReport(db: Executor, report: Row<'stationReports'>): Promise<void> {
  const { stationId: _id, ...rest } = report;
  await db
    .insertInto('stationReports')
    .values(report)
    .onConflict((oc) => oc.column('stationId').doUpdateSet(rest))
    .execute();
}

export async function findStationReport(
  db: Executor,
  stationId: string,
): Promise<Row<'stationReports'> | undefined> {
  return db.selectFrom('stationReports').selectAll().where('stationId', '=', stationId).executeTakeFirst();
}

/** The last movement seq accepted from this incarnation; 0 when it has sent nothing yet. */
export async function readLastSeq(db: Executor, stationId: string, incarnation: number): Promise<number> {
  const row = await db
    .selectFrom('stationSequences')
    .select('lastSeq')
    .where('stationId', '=', stationId)
    .where('incarnation', '=', incarnation)
    .executeTakeFirst();
  return row ? Number(row.lastSeq) : 0;
}

export async function startIncarnation(db: Executor, stationId: string, incarnation: number): Promise<void> {
  await db
    .insertInto('stationSequences')
    .values({ stationId, incarnation, lastSeq: 0 })
    .onConflict((oc) => oc.columns(['stationId', 'incarnation']).doNothing())
    .execute();
}

/** Every change at or below the floor has been pruned; a cursor below it cannot resume. */
export async function readChangeFloor(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', CHANGE_FLOOR)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export interface ChangeRow {
  cursor: number;
  txCursor: number;
  entity: string;
  entityKey: string;
  op: 'upsert' | 'delete';
  data: string | null;
}

function inScopes(scopes: readonly Scope[]) {
  return sql<SqlBool>`(${sql.join(
    scopes.map((s) => sql`(scope_kind = ${s.kind} and scope_key = ${s.key})`),
    sql` or `,
  )})`;
}

/** In-scope changes with `after < cursor <= upTo`, in cursor order, at most `limit`. */
export async function readScopedChanges(
  db: Executor,
  scopes: readonly Scope[],
  after: number,
  upTo: number,
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('changeLog')
    .select(['cursor', 'txCursor', 'entity', 'entityKey', 'op', 'data'])
    .where('cursor', '>', after)
    .where('cursor', '<=', upTo)
    .where(inScopes(scopes))
    .orderBy('cursor')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, cursor: Number(r.cursor), txCursor: Number(r.txCursor) }));
}

/** In-scope changes of one transaction, in cursor order. */
export async function readScopedTransaction(
  db: Executor,
  scopes: readonly Scope[],
  txCursor: number,
): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('changeLog')
    .select(['cursor', 'txCursor', 'entity', 'entityKey', 'op', 'data'])
    .where('txCursor', '=', txCursor)
    .where(inScopes(scopes))
    .orderBy('cursor')
    .execute();
  return rows.map((r) => ({ ...r, cursor: Number(r.cursor), txCursor: Number(r.txCursor) }));
}

/** The last cursor of a transaction, whatever its scopes. */
export async function readTransactionEnd(db: Executor, txCursor: number): Promise<number> {
  const row = await db
    .selectFrom('changeLog')
    .select((eb) => eb.fn.max('cursor').as('last'))
    .where('txCursor', '=', txCursor)
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/**
 * Deletes the oldest changes (but promotion changes), whole transactions at a time, up to the newest one written before
 * `cutoff`, and raises the floor to match. Cursors follow commit order, not `createdAt`, so the
 * pruned part is always a prefix of the log: a few rows just younger than the cutoff may go with
 * it. Returns how many rows were deleted.
 */
export async function pruneChangeLog(db: Executor, cutoff: string): Promise<number> {
  const newest = await db
    .selectFrom('changeLog')
    .select((eb) => eb.fn.max('cursor').as('last'))
    .where('createdAt', '<', cutoff)
    .executeTakeFirst();
  if (newest?.last === null || newest?.last === undefined) return 0;
  const last = Number(newest.last);
  const end = await readTransactionEnd(db, await readTxCursorOf(db, last));
  // Promotion changes are kept: the ingest replays them to re-price a sale at the station's
  // catalog cursor (docs/decisions/0072). No station reads below the floor, so they never resurface.
  const deleted = await db
    .deleteFrom('changeLog')
    .where('cursor', '<=', end)
    .where('entity', '<>', 'promotion')
    .executeTakeFirst();
  await db
    .updateTable('counters')
    .set({ value: sql<number>`case when value < ${end} then ${end} else value end` })
    .where('name', '=', CHANGE_FLOOR)
    .execute();
  return Number(deleted.numDeletedRows);
}

async function readTxCursorOf(db: Executor, cursor: number): Promise<number> {
  const row = await db
    .selectFrom('changeLog')
    .select('txCursor')
    .where('cursor', '=', cursor)
    .executeTakeFirstOrThrow();
  return Number(row.txCursor);
}
