import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf, Product } from '@storelink/contracts';
import { TEST_ADMIN_PASSWORD, createTestServer, type TestServer } from '@storelink/testing';

const BIN = fileURLToPath(new URL('../../bin/storelink.mjs', import.meta.url));
const HEADER = 'productCode,productName,brand,category,skuCode,color,size,barcodes,active';

let t: TestServer;
let url: string;
let dir: string;

beforeAll(async () => {
  t = await createTestServer();
  url = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-cli-import-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `storelink` command in its own process, stdin closed (not a terminal). */
function storelink(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, STORELINK_PASSWORD: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function productCodes(q: string): Promise<string[]> {
  const page = await t.api.get<PageOf<Product>>(`/api/v1/products?q=${q}`);
  return page.body.items.map((p) => p.code);
}

const asAdmin = { STORELINK_PASSWORD: TEST_ADMIN_PASSWORD };

describe('storelink import products', () => {
  it('imports a CSV file and prints the counts', async () => {
    const file = writeFile(
      'ok.csv',
      [
        HEADER,
        'CLI1,Camiseta,,,CLI1-P,,P,7896000000011,',
        'CLI1,Camiseta,,,CLI1-M,,M,,',
        'CLI2,Meia,,,CLI2-U,,,,',
      ].join('\n') + '\n',
    );
    const run = await storelink(['import', 'products', file, '--server', url, '--user', 'admin'], asAdmin);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ok.csv: 3 rows received, 3 upserted, 0 failed.');
    expect(await productCodes('CLI')).toEqual(['CLI1', 'CLI2']);
  });

  it('imports NDJSON (.jsonl) and exits 2 listing refused rows with their line numbers', async () => {
    const file = writeFile(
      'mixed.jsonl',
      [
        JSON.stringify({ code: 'CLJ1', name: 'Vestido', skus: [{ code: 'CLJ1-U' }] }),
        JSON.stringify({ code: 'CLJ2', skus: [] }),
        '{"code":',
      ].join('\n'),
    );
    const run = await storelink(['import', 'products', file, '--server', url, '--user', 'admin'], asAdmin);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('3 rows received, 1 upserted, 2 failed.');
    expect(run.stdout).toContain('line 2: validation_failed: name: is required');
    expect(run.stdout).toMatch(/line 3: validation_failed: .*not valid JSON/);
    expect(await productCodes('CLJ')).toEqual(['CLJ1']);
  });

  it('refuses a wrong password with exit 1 and writes nothing', async () => {
    const file = writeFile('wrong.csv', `${HEADER}\nCLW1,Boné,,,CLW1-U,,,,\n`);
    const run = await storelink(['import', 'products', file, '--server', url, '--user', 'admin'], {
      STORELINK_PASSWORD: 'not-the-password',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wrong username or password');
    expect(await productCodes('CLW')).toEqual([]);
  });

  it('says the server is unreachable, with exit 1', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const file = writeFile('unreachable.csv', `${HEADER}\n`);
    const run = await storelink(
      ['import', 'products', file, '--server', `http://127.0.0.1:${closedPort}`, '--user', 'admin'],
      asAdmin,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot reach the server');
  });

  it('explains bad input: missing file, unknown extension, no password outside a terminal', async () => {
    const missing = await storelink(
      ['import', 'products', path.join(dir, 'nope.csv'), '--server', url, '--user', 'admin'],
      asAdmin,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const txt = await storelink(
      ['import', 'products', writeFile('a.txt', 'x'), '--server', url, '--user', 'admin'],
      asAdmin,
    );
    expect(txt.code).toBe(1);
    expect(txt.stderr).toContain('.csv, .ndjson or .jsonl');
    const noPassword = await storelink([
      'import',
      'products',
      writeFile('b.csv', HEADER),
      '--server',
      url,
      '--user',
      'admin',
    ]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('STORELINK_PASSWORD');
    const rejected = await storelink(
      ['import', 'products', writeFile('c.csv', 'code,name\n'), '--server', url, '--user', 'admin'],
      asAdmin,
    );
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('the server refused the file');
  });

  it('prints its help', async () => {
    const run = await storelink(['import', 'products', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--server <url>');
    expect(run.stdout).toContain('STORELINK_PASSWORD');
  });
});
