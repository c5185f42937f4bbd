import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage, Problem } from '@storelink/contracts';
import {
  createTestServer,
  pairStation,
  seedStation,
  type TestApi,
  type TestServer,
} from '@storelink/testing';
import { appendChanges, readHeadCursor } from '../modules/changes/change-log.repository';
import { GLOBAL, type PlannedChange, type Scope } from '../modules/changes/change-plan';

let clock = new Date();
let t: TestServer;
let station: TestApi;
beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
  const fixture = await seedStation(t, {
    station: 'CH1',
    store: 'CHSTORE',
    group: 'CHG',
    priceList: 'CHPL',
  });
  station = t.anonymous.as((await pairStation(t.anonymous, fixture.pairingCode)).body.token);
});
afterAll(() => t.close());

/** Writes one transaction of changes straight into the change log; returns its cursors. */
async function writeTransaction(changes: { key: string; scope?: Scope; op?: 'upsert' | 'delete' }[]) {
  const planned: PlannedChange[] = changes.map((c) => ({
    entity: 'seller',
    key: c.key,
    op: c.op ?? 'upsert',
    scope: c.scope ?? GLOBAL,
    data: c.op === 'delete' ? null : { code: c.key },
  }));
  const last = await t.server.database.db
    .transaction()
    .execute((tx) => appendChanges(tx, planned, clock.toISOString()));
  return { first: (last as number) - planned.length + 1, last: last as number };
}

const pull = (after: number | string, limit?: number) =>
  station.get<ChangesPage & Problem>(`/api/v1/sync/changes?after=${after}${limit ? `&limit=${limit}` : ''}`);

describe('changes', () => {
  it('returns only the station’s scopes and still moves the cursor past the others', async () => {
    const start = await readHeadCursor(t.server.database.db);
    await writeTransaction([
      { key: 'GLOBAL1' },
      { key: 'MYSTORE', scope: { kind: 'store', key: 'CHSTORE' } },
      { key: 'OTHERSTORE', scope: { kind: 'store', key: 'ELSEWHERE' } },
      { key: 'MYGROUP', scope: { kind: 'group', key: 'CHG' } },
      { key: 'OTHERGROUP', scope: { kind: 'group', key: 'G-OTHER' } },
      { key: 'ME', scope: { kind: 'station', key: 'CH1' } },
      { key: 'NOTME', scope: { kind: 'station', key: 'CH2' } },
      { key: 'MYPRICES', scope: { kind: 'priceList', key: 'CHPL' } },
      { key: 'OTHERPRICES', scope: { kind: 'priceList', key: 'PL-OTHER' } },
    ]);
    const { last } = await writeTransaction([
      { key: 'ONLYOTHERS', scope: { kind: 'store', key: 'ELSEWHERE' } },
    ]);
    const res = await pull(start);
    expect(res.status).toBe(200);
    expect(res.body.changes.map((c) => c.key)).toEqual(['GLOBAL1', 'MYSTORE', 'MYGROUP', 'ME', 'MYPRICES']);
    expect(res.body.changes[0]).toMatchObject({ entity: 'seller', op: 'upsert', data: { code: 'GLOBAL1' } });
    expect(res.body).toMatchObject({ cursor: String(last), hasMore: false });
    const again = await pull(last);
    expect(again.body).toEqual({ changes: [], cursor: String(last), hasMore: false });
  });

  it('ends pages on transaction boundaries, and sends a transaction bigger than the limit whole', async () => {
    const start = await readHeadCursor(t.server.database.db);
    const a = await writeTransaction([{ key: 'A1' }, { key: 'A2' }, { key: 'A3' }]);
    const b = await writeTransaction([{ key: 'B1' }, { key: 'B2' }]);
    const c = await writeTransaction([{ key: 'C1' }]);

    const big = await pull(start, 2);
    expect(big.body.changes.map((x) => x.key)).toEqual(['A1', 'A2', 'A3']);
    expect(big.body).toMatchObject({ cursor: String(a.last), hasMore: true });

    const cut = await pull(start, 4);
    expect(cut.body.changes.map((x) => x.key)).toEqual(['A1', 'A2', 'A3']);
    expect(cut.body).toMatchObject({ cursor: String(b.first - 1), hasMore: true });

    const next = await pull(cut.body.cursor, 4);
    expect(next.body.changes.map((x) => x.key)).toEqual(['B1', 'B2', 'C1']);
    expect(next.body).toMatchObject({ cursor: String(c.last), hasMore: false });
  });

  it('ends a page before a transaction whose out-of-scope tail would follow', async () => {
    const start = await readHeadCursor(t.server.database.db);
    const a = await writeTransaction([
      { key: 'D1' },
      { key: 'D2', scope: { kind: 'store', key: 'ELSEWHERE' } },
    ]);
    await writeTransaction([{ key: 'E1' }, { key: 'E2' }]);
    const page = await pull(start, 2);
    expect(page.body.changes.map((x) => x.key)).toEqual(['D1']);
    expect(page.body.cursor).toBe(String(a.last));
  });

  it('carries a deletion as a delete with null data', async () => {
    const start = await readHeadCursor(t.server.database.db);
    await writeTransaction([{ key: 'GONE', op: 'delete' }]);
    const res = await pull(start);
    expect(res.body.changes).toEqual([expect.objectContaining({ key: 'GONE', op: 'delete', data: null })]);
  });

  it('answers 410 cursor_expired for a cursor ahead of the server', async () => {
    const head = await readHeadCursor(t.server.database.db);
    const res = await pull(head + 1000);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('cursor_expired');
  });

  it('refuses a malformed or missing cursor and a limit out of range', async () => {
    expect((await station.get<Problem>('/api/v1/sync/changes')).body.errors?.[0]?.path).toBe('after');
    expect((await pull('abc')).status).toBe(400);
    expect((await pull(0, 100_000)).status).toBe(400);
  });

  it('prunes changes past the retention window, whole transactions at a time; an older cursor gets 410', async () => {
    const before = await readHeadCursor(t.server.database.db);
    clock = new Date(Date.now() - 91 * 86_400_000);
    const old = await writeTransaction([{ key: 'OLD1' }, { key: 'OLD2' }]);
    clock = new Date();
    const recent = await writeTransaction([{ key: 'NEW1' }]);
    const deleted = await t.server.sync.pruneChanges();
    expect(deleted).toBeGreaterThanOrEqual(2);

    const expired = await pull(before);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('cursor_expired');
    expect(expired.body.detail).toMatch(/snapshot/i);
    const fromFloor = await pull(old.last);
    expect(fromFloor.status).toBe(200);
    expect(fromFloor.body.changes.map((c) => c.key)).toEqual(['NEW1']);
    expect(fromFloor.body.cursor).toBe(String(recent.last));
    expect(await t.server.sync.pruneChanges()).toBe(0);
  });
});
