import type { IntegrationErrorQuery } from '@storelink/contracts';
import type { Dialect } from '../../db/database';
import type { Executor, Row } from '../../db/schema';

export type IntegrationErrorRow = Row<'integrationErrors'>;

export async function findIntegrationError(
  db: Executor,
  id: string,
): Promise<IntegrationErrorRow | undefined> {
  return db.selectFrom('integrationErrors').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The error and its movement, locked on PostgreSQL: edits and reprocesses of one error serialise. */
export async function lockIntegrationError(
  db: Executor,
  dialect: Dialect,
  id: string,
): Promise<IntegrationErrorRow | undefined> {
  let q = db.selectFrom('integrationErrors').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function lockMovement(
  db: Executor,
  dialect: Dialect,
  id: string,
): Promise<Row<'movements'> | undefined> {
  let q = db.selectFrom('movements').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateIntegrationError(
  db: Executor,
  id: string,
  patch: Partial<IntegrationErrorRow>,
): Promise<void> {
  await db.updateTable('integrationErrors').set(patch).where('id', '=', id).execute();
}

/** Newest first (ids are UUIDv7): one page plus one row, after the cursor's id. */
export async function listIntegrationErrors(
  db: Executor,
  query: IntegrationErrorQuery & { limit: number },
  before: string | undefined,
): Promise<IntegrationErrorRow[]> {
  let q = db
    .selectFrom('integrationErrors')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (before !== undefined) q = q.where('id', '<', before);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.stationId) q = q.where('stationId', '=', query.stationId);
  if (query.code) q = q.where('code', '=', query.code);
  return q.execute();
}

export async function countOpenIntegrationErrors(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('integrationErrors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
