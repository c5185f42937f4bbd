import type { Store, StationGroup, User } from '@storelink/contracts';
import type { TestApi, TestServer } from './test-server';

/**
 * Small builders for master-data tests. They go through the HTTP API where a module exists, and
 * straight to the table only for price lists, whose module lives elsewhere.
 */

/** Inserts a price list row directly (the groups under test only need it to exist). */
export async function seedPriceList(
  t: TestServer,
  code: string,
  options: { active?: boolean } = {},
): Promise<void> {
  const at = new Date().toISOString();
  await t.server.database.db
    .insertInto('priceLists')
    .values({
      id: crypto.randomUUID(),
      code,
      name: `Tabela ${code}`,
      active: options.active === false ? 0 : 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
}

export async function createStore(t: TestServer, code: string): Promise<Store> {
  const res = await t.api.post<Store>('/api/v1/stores', { code, name: `Loja ${code}` });
  if (res.status !== 201) throw new Error(`store ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A group in a store and price list, created (with both) when they do not exist yet. */
export async function createGroup(
  t: TestServer,
  code: string,
  options: { storeCode?: string; priceListCode?: string; extra?: Record<string, unknown> } = {},
): Promise<StationGroup> {
  const storeCode = options.storeCode ?? `${code}-S`;
  const priceListCode = options.priceListCode ?? `${code}-P`;
  const db = t.server.database.db;
  if (!(await db.selectFrom('stores').select('id').where('code', '=', storeCode).executeTakeFirst())) {
    await createStore(t, storeCode);
  }
  if (
    !(await db.selectFrom('priceLists').select('id').where('code', '=', priceListCode).executeTakeFirst())
  ) {
    await seedPriceList(t, priceListCode);
  }
  const res = await t.api.post<StationGroup>('/api/v1/station-groups', {
    code,
    name: `Grupo ${code}`,
    storeCode,
    priceListCode,
    ...options.extra,
  });
  if (res.status !== 201) throw new Error(`group ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A client logged in as a new user of the role. */
export async function loginAs(
  t: TestServer,
  username: string,
  role: 'admin' | 'operator' | 'auditor',
): Promise<TestApi> {
  const password = `${username}-secret-pw`;
  const res = await t.api.post<User>('/api/v1/users', { username, password, role });
  if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return t.anonymous.as(await t.anonymous.login(username, password));
}

export interface LoggedChange {
  cursor: number;
  op: 'upsert' | 'delete';
  scopeKind: string;
  scopeKey: string;
  data: unknown;
}

/** The change log of one record, oldest first, read straight from the table. */
export async function changesOf(t: TestServer, entity: string, key: string): Promise<LoggedChange[]> {
  const rows = await t.server.database.db
    .selectFrom('changeLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityKey', '=', key)
    .orderBy('cursor')
    .execute();
  return rows.map((r) => ({
    cursor: Number(r.cursor),
    op: r.op,
    scopeKind: r.scopeKind,
    scopeKey: r.scopeKey,
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
  }));
}

/** The audit entries of one record, oldest first, with their JSON parsed. */
export async function auditOf(t: TestServer, entityId: string) {
  const rows = await t.server.database.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
  const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
  return rows.map((r) => ({
    action: r.action,
    before: parse(r.before),
    after: parse(r.after),
    details: parse(r.details),
    raw: `${r.before ?? ''}${r.after ?? ''}${r.details ?? ''}`,
  }));
}
