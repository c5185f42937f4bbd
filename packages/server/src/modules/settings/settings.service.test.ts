import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, PageOf, Problem, Settings } from '@storelink/contracts';
import { changesOf, createTestServer, loginAs, type TestServer } from '@storelink/testing';
import type { SyncRecord } from '../../sync/snapshot-source';
import { settingsSnapshotSource } from './settings.sync';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

describe('settings', () => {
  it('starts with the SPEC defaults', async () => {
    const res = await t.api.get<Settings>('/api/v1/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      minStationVersion: '0.0.0',
      changeRetentionDays: 90,
      integrationLogLevel: 'errors',
    });
  });

  it('patches only the given fields, audited, and sends every station the new settings', async () => {
    const patched = await t.api.patch<Settings>('/api/v1/settings', { minStationVersion: '1.4.0' });
    expect(patched.body).toEqual({
      minStationVersion: '1.4.0',
      changeRetentionDays: 90,
      integrationLogLevel: 'errors',
    });
    expect((await t.api.get<Settings>('/api/v1/settings')).body).toEqual(patched.body);

    const changes = await changesOf(t, 'settings', 'settings');
    expect(changes).toEqual([
      expect.objectContaining({ op: 'upsert', scopeKind: 'global', scopeKey: '', data: patched.body }),
    ]);
    const audit = await t.api.get<PageOf<AuditEntry>>('/api/v1/audit?action=settings.update');
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: 'admin',
        entity: 'settings',
        before: expect.objectContaining({ minStationVersion: '0.0.0' }),
        after: expect.objectContaining({ minStationVersion: '1.4.0' }),
      }),
    ]);

    const records: SyncRecord[] = [];
    const scope = { stationCode: 'X', groupCode: 'G', storeCode: 'S', priceListCode: 'P' };
    for await (const batch of settingsSnapshotSource.read(t.server.database.db, scope))
      records.push(...batch);
    expect(records).toEqual([{ key: 'settings', data: patched.body }]);
  });

  it('refuses a malformed version, an out-of-range retention and unknown fields', async () => {
    const version = await t.api.patch<Problem>('/api/v1/settings', { minStationVersion: '1.4' });
    expect(version.body.errors?.[0]?.path).toBe('minStationVersion');
    const days = await t.api.patch<Problem>('/api/v1/settings', { changeRetentionDays: 0 });
    expect(days.body.errors?.[0]?.path).toBe('changeRetentionDays');
    const extra = await t.api.patch<Problem>('/api/v1/settings', { theme: 'dark' });
    expect(extra.body.errors).toEqual([
      { path: 'theme', message: expect.stringContaining('not a known field') },
    ]);
  });

  it('lets every role read, and only an admin change them', async () => {
    const operator = await loginAs(t, 'operador-settings', 'operator');
    const auditor = await loginAs(t, 'auditor-settings', 'auditor');
    for (const api of [operator, auditor]) {
      expect((await api.get('/api/v1/settings')).status).toBe(200);
      const res = await api.patch<Problem>('/api/v1/settings', { changeRetentionDays: 30 });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await t.api.get<Settings>('/api/v1/settings')).body.changeRetentionDays).toBe(90);
    expect((await t.anonymous.get('/api/v1/settings')).status).toBe(401);
  });
});
