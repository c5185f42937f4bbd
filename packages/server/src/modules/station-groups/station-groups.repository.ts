import type { StationGroupListQuery } from '@storelink/contracts';
import type { Executor, Row } from '../../db/schema';
import { listByCode } from '../../db/listing';

export type StationGroupRow = Row<'stationGroups'>;

export async function findStationGroupById(db: Executor, id: string): Promise<StationGroupRow | undefined> {
  return db.selectFrom('stationGroups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStationGroupByCode(
  db: Executor,
  code: string,
): Promise<StationGroupRow | undefined> {
  return db.selectFrom('stationGroups').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One page plus one row, ordered by code, after the cursor's code. */
export async function listStationGroups(
  db: Executor,
  query: StationGroupListQuery & { limit: number },
  after: string | undefined,
): Promise<StationGroupRow[]> {
  return listByCode(db, 'stationGroups', query, after, {
    storeCode: query.storeCode,
    priceListCode: query.priceListCode,
  });
}

export async function insertStationGroup(db: Executor, row: StationGroupRow): Promise<void> {
  await db.insertInto('stationGroups').values(row).execute();
}

export async function updateStationGroup(
  db: Executor,
  id: string,
  patch: Partial<StationGroupRow>,
): Promise<void> {
  await db.updateTable('stationGroups').set(patch).where('id', '=', id).execute();
}

/** Codes of the group's active stations, at most `limit`, for a message naming them. */
export async function listActiveStationCodesOfGroup(
  db: Executor,
  groupCode: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('stations')
    .select('code')
    .where('groupCode', '=', groupCode)
    .where('active', '=', 1)
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => r.code);
}

/** Every station of the group, active or not: each must re-snapshot when the group's data moves. */
export async function listStationIdsOfGroup(db: Executor, groupCode: string): Promise<string[]> {
  const rows = await db.selectFrom('stations').select('id').where('groupCode', '=', groupCode).execute();
  return rows.map((r) => r.id);
}

/** The active group a station belongs to, for its snapshot. */
export async function findActiveStationGroupByCode(
  db: Executor,
  code: string,
): Promise<StationGroupRow | undefined> {
  return db
    .selectFrom('stationGroups')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
}
