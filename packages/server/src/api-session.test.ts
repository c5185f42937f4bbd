import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyResult, PageOf, Product } from '@storelink/contracts';
import { createTestServer, runApiSession, TEST_ADMIN_PASSWORD, type TestServer } from '@storelink/testing';

let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

describe('the documented HTTP session (docs/api-session.md)', () => {
  it('registers a whole chain over HTTP, then lists, searches and verifies it', async () => {
    const records = await runApiSession(baseUrl, TEST_ADMIN_PASSWORD);
    const byTitle = (title: string) => records.find((r) => r.title.startsWith(title))?.response;

    const station = byTitle('Create a station:') as { pairingCode: string };
    expect(station.pairingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const search = byTitle('Search products by name') as PageOf<Product>;
    expect(search.items.map((p) => p.code)).toEqual(['CAM-001']);
    const barcode = byTitle('Search by barcode') as PageOf<Product>;
    expect(barcode.items.map((p) => p.code)).toEqual(['CAL-010']);
    const operators = JSON.stringify(byTitle('List operators'));
    expect(operators).not.toMatch(/pin/i);
    expect((byTitle('Verify the audit chain') as AuditVerifyResult).ok).toBe(true);
    const kinds = records.filter((r) => r.path === '/api/v1/payment-types' && r.status === 201);
    expect(kinds.map((r) => (r.body as { kind: string }).kind).sort()).toEqual([
      'cash',
      'check',
      'credit_card',
      'debit_card',
      'other',
      'pix',
      'store_credit',
      'voucher',
    ]);
  });
});
