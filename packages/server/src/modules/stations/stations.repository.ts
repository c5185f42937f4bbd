import type { StationListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { containsText } from '../../db/paging';

export type StationRow = Row<'stations'>;

export async function findStationById(db: Executor, id: string): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStationByCode(db: Executor, code: string): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listStations(
  db: Executor,
  query: StationListQuery & { limit: number },
  after: string | undefined,
) {
  let q = db
    .selectFrom('stations')
    .selectAll()
    .orderBy('code')
    .limit(query.limit + 1);
  if (after !== undefined) q = q.where('code', '>', after);
  if (query.active !== undefined) q = q.where('active', '=', query.active ? 1 : 0);
  if (query.groupCode !== undefined) q = q.where('groupCode', '=', query.groupCode);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('code', text), containsText('name', text)]));
  }
  return q.execute();
}

export async function insertStation(db: Executor, row: StationRow): Promise<void> {
  await db.insertInto('stations').values(row).execute();
}

export async function updateStation(db: Executor, id: string, patch: Partial<StationRow>): Promise<void> {
  await db.updateTable('stations').set(patch).where('id', '=', id).execute();
}

/** The station's own record, for its snapshot. */
export async function findActiveStationByCode(db: Executor, code: string): Promise<StationRow | undefined> {
  return db
    .selectFrom('stations')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
}
