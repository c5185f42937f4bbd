import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '@storelink/testing';

const INDEX = '<!doctype html><html><body><div id="root"></div>console-index</body></html>';

describe('web console at /', () => {
  let dir: string;
  let t: TestServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-console-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
    t = await createTestServer({ consoleDir: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / without a login', async () => {
    const res = await t.anonymous.get('/');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
    expect(res.body).toContain('console-index');
  });

  it('answers index.html for a client-side route, so a reload opens the app there', async () => {
    const res = await t.anonymous.get('/master-data/stores/new?x=1');
    expect(res.status).toBe(200);
    expect(res.body).toContain('console-index');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed bundles as immutable files', async () => {
    const res = await t.anonymous.get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log("app")');
    expect(String(res.headers['cache-control'])).toContain('immutable');
  });

  it('answers a missing file with a 404 problem, not the app', async () => {
    const res = await t.anonymous.get('/assets/missing-999.js');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
  });

  it('keeps unknown API paths as 404 problems and the API protected', async () => {
    const unknown = await t.anonymous.get('/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not_found' });
    const stores = await t.anonymous.get('/api/v1/stores');
    expect(stores.status).toBe(401);
    const health = await t.anonymous.get('/healthz');
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('does not answer the app for a POST to an unknown path', async () => {
    const res = await t.anonymous.post('/master-data', {});
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
  });
});

describe('web console not built', () => {
  it('answers / with a page saying how to build it', async () => {
    const t = await createTestServer({ consoleDir: path.join(os.tmpdir(), 'storelink-no-such-dist') });
    try {
      const res = await t.anonymous.get('/');
      expect(res.status).toBe(200);
      expect(res.body).toContain('npm run build:web');
      const deep = await t.anonymous.get('/audit');
      expect(deep.body).toContain('npm run build:web');
    } finally {
      await t.close();
    }
  });
});
