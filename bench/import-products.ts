/**
 * Bulk product import, measured end to end (SPEC §5 "at 100k rows they stream").
 *
 *   npx tsx bench/import-products.ts [--rows 100000]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import-products.ts
 *
 * Generates a product CSV (one SKU and one barcode per product) in a temp dir, starts a real
 * `storelink server` process on SQLite (and on a fresh PostgreSQL database when DATABASE_URL is
 * set), imports the file with the real `storelink import products` command, and prints the elapsed
 * time (the CLI process, start to exit, login included) and rows/s of a first import and of a
 * second import of the same file (every row unchanged), and the server process's resident
 * memory: idle before the import and its peak (VmHWM from /proc/<pid>/status). A streaming import
 * keeps the peak near the idle figure whatever the file size.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BIN = fileURLToPath(new URL('../packages/cli/bin/storelink.mjs', import.meta.url));
const HEADER = 'productCode,productName,brand,category,skuCode,color,size,barcodes,active';
const PASSWORD = 'bench-admin-password';

function rowsArgument(): number {
  const i = process.argv.indexOf('--rows');
  const rows = i === -1 ? 100_000 : Number(process.argv[i + 1]);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows takes a whole number ≥ 1');
  return rows;
}

/** An EAN-13-shaped, unique barcode per row (check digit computed). */
function barcodeOf(i: number): string {
  const body = `789${String(i).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

async function writeCsv(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER + '\n');
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    const code = `BENCH${String(i).padStart(7, '0')}`;
    chunk += `${code},Camiseta básica ${i},Marca ${i % 50},Categoria ${i % 20},${code}-U,Azul,M,${barcodeOf(i)},true\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}

function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

async function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--log-level', 'warn', ...args], {
    env: { ...process.env, DATABASE_URL: '', STORELINK_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Console:\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function runImport(
  file: string,
  url: string,
): Promise<{ seconds: number; output: string; code: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [BIN, 'import', 'products', file, '--server', url, '--user', 'admin'],
    {
      env: { ...process.env, STORELINK_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number];
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, output: output.trim(), code };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function measure(label: string, file: string, rows: number, fileBytes: number, serverArgs: string[]) {
  const { child, url } = await startServer(serverArgs);
  try {
    const pid = child.pid as number;
    const idle = memoryOf(pid);
    const result = await runImport(file, url);
    // The same file again: every row is found unchanged, so nothing is written (decision 0021).
    const again = await runImport(file, url);
    const after = memoryOf(pid);
    console.log(`\n${label}`);
    console.log(`  cli:          ${result.output.split('\n')[0]} (exit ${result.code})`);
    console.log(`  elapsed:      ${result.seconds.toFixed(2)} s (CLI process, login included)`);
    console.log(`  throughput:   ${Math.round(rows / result.seconds).toLocaleString('en-US')} rows/s`);
    console.log(
      `  re-import:    ${again.seconds.toFixed(2)} s, ${Math.round(rows / again.seconds).toLocaleString('en-US')} rows/s,` +
        ` all rows unchanged (exit ${again.code})`,
    );
    console.log(`  file:         ${(fileBytes / 1024 / 1024).toFixed(1)} MiB`);
    console.log(
      `  server RSS:   idle ${idle.rssMiB.toFixed(0)} MiB, peak (VmHWM) ${after.peakMiB.toFixed(0)} MiB,` +
        ` growth ${(after.peakMiB - idle.rssMiB).toFixed(0)} MiB`,
    );
  } finally {
    await stop(child);
  }
}

async function withPostgresDatabase<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `storelink_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const rows = rowsArgument();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-bench-import-'));
  try {
    const file = path.join(dir, 'products.csv');
    const fileBytes = await writeCsv(file, rows);
    console.log(
      `storelink import products: ${rows.toLocaleString('en-US')} rows, node ${process.version}, ${os.cpus().length} CPUs`,
    );
    await measure('SQLite', file, rows, fileBytes, ['--data-dir', path.join(dir, 'sqlite')]);
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      await withPostgresDatabase(databaseUrl, (url) =>
        measure('PostgreSQL', file, rows, fileBytes, ['--database-url', url]),
      );
    } else {
      console.log('\n(PostgreSQL skipped: set DATABASE_URL to measure it too)');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
