import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, PageOf, Problem } from '@storelink/contracts';
import {
  createTestServer,
  issuePairingCode,
  nextTestAddress,
  pairStation,
  seedStation,
  type TestServer,
} from '@storelink/testing';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

const hello = (incarnation: number) => ({
  appVersion: '1.0.0',
  protocolVersion: 1,
  incarnation,
  lastSeq: 0,
  cursor: null,
  outbox: { depth: 0, oldestAt: null },
  dbSizeBytes: 4096,
  clock: new Date().toISOString(),
});

describe('pairing', () => {
  it('exchanges a code for a token, stores only its hash, and starts incarnation 1', async () => {
    const fixture = await seedStation(t, { station: 'PAIR1' });
    const res = await pairStation(t.anonymous, fixture.pairingCode, {
      appVersion: '1.2.3',
      hostname: 'caixa-01',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stationId: fixture.stationId, stationCode: 'PAIR1', incarnation: 1 });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.server.database.db
      .selectFrom('stations')
      .selectAll()
      .where('id', '=', fixture.stationId)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(res.body.token);
    expect(row).toMatchObject({
      pairingCodeHash: null,
      hostname: 'caixa-01',
      appVersion: '1.2.3',
      incarnation: 1,
    });
    const ok = await t.anonymous.as(res.body.token).post('/api/v1/sync/hello', hello(1));
    expect(ok.status).toBe(200);
  });

  it('accepts the code as people type it: lower case, with a hyphen, O for 0', async () => {
    const fixture = await seedStation(t, { station: 'PAIR2' });
    const typed = `${fixture.pairingCode.slice(0, 4)}-${fixture.pairingCode.slice(4)}`
      .toLowerCase()
      .replace(/0/g, 'o');
    const res = await pairStation(t.anonymous, typed, { appVersion: '1.0.0', hostname: 'h' });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong, a used and an expired code with pairing_code_invalid', async () => {
    const fixture = await seedStation(t, { station: 'PAIR3' });
    const wrong = await pairStation(t.anonymous, 'ZZZZZZZZ');
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('pairing_code_invalid');
    expect((await pairStation(t.anonymous, fixture.pairingCode)).status).toBe(200);
    const used = await pairStation(t.anonymous, fixture.pairingCode);
    expect(used.body).toMatchObject({ status: 400, code: 'pairing_code_invalid' });
    const expiredCode = await issuePairingCode(t, fixture.stationId, new Date(Date.now() - 1000));
    const expired = await pairStation(t.anonymous, expiredCode);
    expect(expired.body.code).toBe('pairing_code_invalid');
  });

  it('refuses an inactive station with station_inactive', async () => {
    const fixture = await seedStation(t, { station: 'PAIR4' });
    await t.server.database.db
      .updateTable('stations')
      .set({ active: 0 })
      .where('id', '=', fixture.stationId)
      .execute();
    const res = await pairStation(t.anonymous, fixture.pairingCode);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('station_inactive');
  });

  it('pairing again bumps the incarnation and revokes the old token; issuing a code alone changes nothing', async () => {
    const fixture = await seedStation(t, { station: 'PAIR5' });
    const first = await pairStation(t.anonymous, fixture.pairingCode, {
      appVersion: '1.0.0',
      hostname: 'old-box',
    });
    const code = await issuePairingCode(t, fixture.stationId);
    expect((await t.anonymous.as(first.body.token).post('/api/v1/sync/hello', hello(1))).status).toBe(200);

    const second = await pairStation(t.anonymous, code, { hostname: 'new-box' });
    expect(second.body.incarnation).toBe(2);
    const old = await t.anonymous.as(first.body.token).post<Problem>('/api/v1/sync/hello', hello(1));
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('unauthorized');
    const fresh = await t.anonymous
      .as(second.body.token)
      .post<{ expectedSeq: number }>('/api/v1/sync/hello', hello(2));
    expect(fresh.status).toBe(200);
    expect(fresh.body.expectedSeq).toBe(1);
  });

  it('audits every successful pairing, without the token', async () => {
    const fixture = await seedStation(t, { station: 'PAIR6' });
    const res = await pairStation(t.anonymous, fixture.pairingCode, {
      appVersion: '1.0.0',
      hostname: 'audited-box',
    });
    const audit = await t.api.get<PageOf<AuditEntry>>('/api/v1/audit?action=station.pair&limit=100');
    const entry = audit.body.items.find((e) => e.entityId === fixture.stationId);
    expect(entry).toMatchObject({ actor: 'PAIR6', action: 'station.pair' });
    expect(JSON.stringify(entry)).not.toContain(res.body.token);
    expect(JSON.stringify(entry)).toContain('audited-box');
  });

  it('refuses unknown fields and a malformed version', async () => {
    const res = await t.anonymous.request<Problem>({
      method: 'POST',
      url: '/api/v1/sync/pair',
      remoteAddress: nextTestAddress(),
      payload: { code: 'ABCDEFGH', appVersion: 'one', hostname: 'h', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path).sort()).toEqual(['appVersion', 'extra']);
  });

  it('limits pairing to 10 attempts a minute per address', async () => {
    const attempt = () =>
      t.anonymous.request<Problem>({
        method: 'POST',
        url: '/api/v1/sync/pair',
        remoteAddress: '10.9.8.7',
        payload: { code: 'WRONGCOD', appVersion: '1.0.0', hostname: 'h' },
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt()).body.code).toBe('pairing_code_invalid');
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
  });
});

describe('station tokens', () => {
  it('refuses no token, a garbage token and an admin token on sync routes', async () => {
    expect((await t.anonymous.post<Problem>('/api/v1/sync/hello', hello(1))).body.code).toBe('unauthorized');
    expect((await t.anonymous.as('garbage').get<Problem>('/api/v1/sync/changes?after=0')).status).toBe(401);
    expect((await t.api.get<Problem>('/api/v1/sync/snapshot')).status).toBe(401);
  });

  it('refuses a station token on admin routes', async () => {
    const fixture = await seedStation(t, { station: 'TOK1' });
    const pair = await pairStation(t.anonymous, fixture.pairingCode, { appVersion: '1.0.0', hostname: 'h' });
    const res = await t.anonymous.as(pair.body.token).get<Problem>('/api/v1/stores');
    expect(res.status).toBe(401);
  });
});
