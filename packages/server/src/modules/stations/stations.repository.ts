import type { StationListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listByCode } from '../../db/listing';

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
): Promise<StationRow[]> {
  return listByCode(db, 'stations', query, after, { groupCode: query.groupCode });
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
