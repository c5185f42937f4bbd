import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Problem, Station, StationWithPairingCode } from '@storelink/contracts';
import {
  auditOf,
  changesOf,
  createGroup,
  createTestServer,
  loginAs,
  type TestServer,
} from '@storelink/testing';
import { listPendingCommands } from '../station-commands/station-commands.repository';

const CODE_FORMAT = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestServer;
let clock = new Date('2026-11-28T12:00:00.000Z');
beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
  await createGroup(t, 'LOJA1', { storeCode: 'SP01', priceListCode: 'VAREJO' });
  await createGroup(t, 'LOJA2', { storeCode: 'RJ01', priceListCode: 'VAREJO' });
});
afterAll(() => t.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function storedRow(id: string) {
  return t.server.database.db
    .selectFrom('stations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function createStation(code: string, groupCode = 'LOJA1') {
  const res = await t.api.post<StationWithPairingCode>('/api/v1/stations', {
    code,
    name: `Caixa ${code}`,
    groupCode,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('stations', () => {
  it('creates a never-paired station and answers it flat with a pairing code valid for 24 h', async () => {
    const created = await createStation('CX-01');
    expect(created).toEqual({
      id: expect.any(String),
      code: 'CX-01',
      name: 'Caixa CX-01',
      groupCode: 'LOJA1',
      active: true,
      incarnation: 0,
      pairingCode: expect.stringMatching(CODE_FORMAT),
      pairingCodeExpiresAt: new Date(clock.getTime() + DAY_MS).toISOString(),
    });
    const { pairingCode: _c, pairingCodeExpiresAt: _e, ...station } = created;
    const read = await t.api.get<Station>(`/api/v1/stations/${created.id}`);
    expect(read.body).toEqual(station);
  });

  it('stores only the SHA-256 of the pairing code, and never puts code or hash in the audit', async () => {
    const created = await createStation('CX-HASH');
    const row = await storedRow(created.id);
    expect(row.pairingCodeHash).toBe(sha256(created.pairingCode));
    expect(row.pairingCodeExpiresAt).toBe(created.pairingCodeExpiresAt);
    expect(row.tokenHash).toBeNull();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.pairingCode);

    const renewed = await t.api.post<StationWithPairingCode>(`/api/v1/stations/${created.id}/pairing-code`);
    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => a.action)).toEqual(['station.create', 'station.pairingCode']);
    for (const entry of audit) {
      for (const secret of [created.pairingCode, renewed.body.pairingCode, sha256(created.pairingCode)]) {
        expect(entry.raw).not.toContain(secret);
      }
    }
    const changes = await changesOf(t, 'station', 'CX-HASH');
    expect(JSON.stringify(changes)).not.toMatch(/pairing|token/i);
  });

  it('issues a new code (201) that replaces the old one and leaves incarnation and token alone', async () => {
    const created = await createStation('CX-NEW');
    const pairedAt = clock.toISOString();
    // Pretend the station paired once: that is another module's job.
    await t.server.database.db
      .updateTable('stations')
      .set({ incarnation: 3, tokenHash: 'token-hash-of-the-live-register', pairedAt })
      .where('id', '=', created.id)
      .execute();
    const cursorBefore = (await changesOf(t, 'station', 'CX-NEW')).length;

    clock = new Date(clock.getTime() + 60_000);
    const renewed = await t.api.post<StationWithPairingCode>(`/api/v1/stations/${created.id}/pairing-code`);
    expect(renewed.status).toBe(201);
    expect(renewed.body.pairingCode).toMatch(CODE_FORMAT);
    expect(renewed.body.pairingCode).not.toBe(created.pairingCode);
    expect(renewed.body.pairingCodeExpiresAt).toBe(new Date(clock.getTime() + DAY_MS).toISOString());
    expect(renewed.body).toMatchObject({ incarnation: 3, pairedAt });

    const row = await storedRow(created.id);
    expect(row.incarnation).toBe(3);
    expect(row.tokenHash).toBe('token-hash-of-the-live-register');
    expect(row.pairingCodeHash).toBe(sha256(renewed.body.pairingCode));
    expect((await changesOf(t, 'station', 'CX-NEW')).length).toBe(cursorBefore);
  });

  it('gives each station a different code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i += 1) codes.add((await createStation(`CX-U${i}`)).pairingCode);
    expect(codes.size).toBe(20);
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
  });

  it('refuses an unknown or inactive group, a duplicate code and unknown fields', async () => {
    const unknown = await t.api.post<Problem>('/api/v1/stations', {
      code: 'CX-X',
      name: 'X',
      groupCode: 'NOPE',
    });
    expect(unknown.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'groupCode', message: 'no station group has code NOPE' }],
    });
    const off = await createGroup(t, 'OFF', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    await t.api.delete(`/api/v1/station-groups/${off.id}`);
    const inactive = await t.api.post<Problem>('/api/v1/stations', {
      code: 'CX-X',
      name: 'X',
      groupCode: 'OFF',
    });
    expect(inactive.body.errors).toEqual([
      { path: 'groupCode', message: expect.stringContaining('station group OFF is inactive') },
    ]);
    await createStation('CX-DUP');
    const dup = await t.api.post<Problem>('/api/v1/stations', {
      code: 'CX-DUP',
      name: 'X',
      groupCode: 'LOJA1',
    });
    expect(dup.status).toBe(409);
    const extra = await t.api.post<Problem>('/api/v1/stations', {
      code: 'CX-Y',
      name: 'Y',
      groupCode: 'LOJA1',
      incarnation: 5,
    });
    expect(extra.body.errors).toEqual([
      { path: 'incarnation', message: expect.stringContaining('not a known field') },
    ]);
  });

  it('moves a station to another group: a resync command, a station.move audit, the same station scope', async () => {
    const created = await createStation('CX-MOVE');
    const moved = await t.api.patch<Station>(`/api/v1/stations/${created.id}`, { groupCode: 'LOJA2' });
    expect(moved.status).toBe(200);
    expect(moved.body.groupCode).toBe('LOJA2');
    expect(moved.body.incarnation).toBe(0);

    const pending = await listPendingCommands(t.server.database.db, created.id);
    expect(pending).toEqual([
      expect.objectContaining({ type: 'resync', issuedAt: clock.toISOString(), deliveredAt: null }),
    ]);
    const audit = await auditOf(t, created.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'station.move',
      before: { groupCode: 'LOJA1' },
      after: { groupCode: 'LOJA2' },
      details: { fromGroupCode: 'LOJA1', toGroupCode: 'LOJA2' },
    });
    const changes = await changesOf(t, 'station', 'CX-MOVE');
    expect(changes.map((c) => [c.op, c.scopeKind, c.scopeKey])).toEqual([
      ['upsert', 'station', 'CX-MOVE'],
      ['upsert', 'station', 'CX-MOVE'],
    ]);
    expect(changes[1]?.data).toMatchObject({ code: 'CX-MOVE', groupCode: 'LOJA2' });

    await t.api.patch(`/api/v1/stations/${created.id}`, { name: 'Renomeada', groupCode: 'LOJA2' });
    expect(await listPendingCommands(t.server.database.db, created.id)).toHaveLength(1);
    expect((await auditOf(t, created.id)).at(-1)?.action).toBe('station.update');
  });

  it('refuses a move to an unknown or inactive group, writing nothing', async () => {
    const created = await createStation('CX-NOMOVE');
    const res = await t.api.patch<Problem>(`/api/v1/stations/${created.id}`, { name: 'x', groupCode: 'OFF' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe('groupCode');
    expect((await t.api.get<Station>(`/api/v1/stations/${created.id}`)).body.name).toBe('Caixa CX-NOMOVE');
    expect(await listPendingCommands(t.server.database.db, created.id)).toEqual([]);
  });

  it('sends stations their own record without monitoring facts, and a delete on deactivation', async () => {
    const created = await createStation('CX-SYNC');
    await t.server.database.db
      .updateTable('stations')
      .set({ hostname: 'caixa-sync', appVersion: '1.2.3', lastSeenAt: clock.toISOString() })
      .where('id', '=', created.id)
      .execute();
    const renamed = await t.api.patch<Station>(`/api/v1/stations/${created.id}`, { name: 'Sync' });
    expect(renamed.body).toMatchObject({ hostname: 'caixa-sync', appVersion: '1.2.3' });
    const first = await t.api.delete<Station>(`/api/v1/stations/${created.id}`);
    const second = await t.api.delete<Station>(`/api/v1/stations/${created.id}`);
    expect(first.body.active).toBe(false);
    expect(second.body).toEqual(first.body);
    const changes = await changesOf(t, 'station', 'CX-SYNC');
    expect(changes.map((c) => c.op)).toEqual(['upsert', 'upsert', 'delete']);
    expect(changes[1]?.data).toEqual({
      id: created.id,
      code: 'CX-SYNC',
      name: 'Sync',
      groupCode: 'LOJA1',
      active: true,
      incarnation: 0,
    });
  });

  it('refuses to reactivate a station whose group is inactive', async () => {
    const group = await createGroup(t, 'TEMP', { storeCode: 'SP01', priceListCode: 'VAREJO' });
    const station = await createStation('CX-TEMP', 'TEMP');
    await t.api.delete(`/api/v1/stations/${station.id}`);
    await t.api.delete(`/api/v1/station-groups/${group.id}`);
    const res = await t.api.patch<Problem>(`/api/v1/stations/${station.id}`, { active: true });
    expect(res.body.errors).toEqual([
      { path: 'groupCode', message: expect.stringContaining('station group TEMP is inactive') },
    ]);
    const moved = await t.api.patch<Station>(`/api/v1/stations/${station.id}`, {
      active: true,
      groupCode: 'LOJA1',
    });
    expect(moved.body).toMatchObject({ active: true, groupCode: 'LOJA1' });
  });

  it('filters by group, searches, and pages', async () => {
    for (let i = 0; i < 5; i += 1) await createStation(`PG-${i}`, i < 3 ? 'LOJA1' : 'LOJA2');
    const loja2 = await t.api.get<PageOf<Station>>('/api/v1/stations?groupCode=LOJA2&q=PG-');
    expect(loja2.body.items.map((s) => s.code)).toEqual(['PG-3', 'PG-4']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/stations?q=pg-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: PageOf<Station> } = await t.api.get<PageOf<Station>>(url);
      seen.push(...page.body.items.map((s) => s.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PG-0', 'PG-1', 'PG-2', 'PG-3', 'PG-4']);
  });

  it('lets an auditor read but neither create stations nor issue codes', async () => {
    const station = await createStation('CX-AUD');
    const auditor = await loginAs(t, 'auditor-stations', 'auditor');
    expect((await auditor.get(`/api/v1/stations/${station.id}`)).status).toBe(200);
    expect(
      (await auditor.post('/api/v1/stations', { code: 'A', name: 'A', groupCode: 'LOJA1' })).status,
    ).toBe(403);
    expect((await auditor.post(`/api/v1/stations/${station.id}/pairing-code`)).status).toBe(403);
    expect((await storedRow(station.id)).pairingCodeHash).toBe(sha256(station.pairingCode));
  });
});
