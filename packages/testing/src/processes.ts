import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './wait';

/** The `storelink` command, run with the same Node as the tests. */
export const STORELINK_BIN = fileURLToPath(new URL('../../cli/bin/storelink.mjs', import.meta.url));
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A free TCP port on 127.0.0.1 (bound and released: a restarted server can take it again). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ManagedProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
  /** kill -9. */
  kill(): Promise<number | string>;
}

/** Runs `storelink <args>`; everything it prints is kept for failure messages. */
export function runStorelink(args: string[], env: Record<string, string> = {}): ManagedProcess {
  const child = spawn(process.execPath, [STORELINK_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const managed: ManagedProcess = {
    child,
    pid: child.pid ?? -1,
    output: () => out,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  return managed;
}

/** Runs `storelink <args>` to the end: its exit code and output. */
export async function runStorelinkToEnd(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ code: number | string; output: string }> {
  const run = runStorelink(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

async function waitForLine(
  run: ManagedProcess,
  pattern: RegExp,
  what: string,
  timeoutMs = 30_000,
): Promise<string> {
  return waitUntil(
    () => {
      if (run.child.exitCode !== null || run.child.signalCode !== null) {
        throw new Error(`${what} exited early:\n${run.output()}`);
      }
      return pattern.exec(run.output())?.[1];
    },
    { timeoutMs, intervalMs: 20, what },
  ).catch((error: unknown) => {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- output ---\n${run.output()}`,
    );
  });
}

export interface ServerProcess extends ManagedProcess {
  url: string;
  port: number;
}

export interface ServerProcessOptions {
  /** SQLite files go here (default: a new temp directory). Ignored with `databaseUrl`. */
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

/** `storelink server` as a real process on 127.0.0.1; resolves once it listens. */
export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-e2e-server-'));
  const port = options.port ?? (await freePort());
  const args = ['server', '--port', String(port), '--host', '127.0.0.1', '--log-level', 'warn'];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  else args.push('--data-dir', dataDir);
  const run = runStorelink(args, {
    STORELINK_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    DATABASE_URL: '',
    ...options.env,
  });
  const url = await waitForLine(run, /API:\s+(http:\/\/[^\s/]+)\/api\/v1/, 'the server to listen');
  return { ...run, url, port, dataDir };
}

export interface StationProcess extends ManagedProcess {
  /** The local API base URL (`http://127.0.0.1:port`). */
  url: string;
}

/** `storelink station run` as a real process; resolves once its local API listens. */
export async function startStationProcess(
  dataDir: string,
  options: { env?: Record<string, string>; retryMaxMs?: number } = {},
): Promise<StationProcess> {
  const run = runStorelink(
    [
      'station',
      'run',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--log-level',
      'warn',
      '--retry-max-ms',
      String(options.retryMaxMs ?? 300),
    ],
    options.env,
  );
  const url = await waitForLine(run, /Local API:\s+(http:\/\/\S+)\/local\/v1/, 'the station to listen');
  return { ...run, url };
}

/** A logged-in admin HTTP client of a server process. */
export interface AdminClient {
  /** The `Authorization` header value, for callers that use fetch directly. */
  authorization: string;
  request<T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }>;
  get<T = unknown>(url: string): Promise<{ status: number; body: T }>;
  post<T = unknown>(url: string, body?: unknown): Promise<{ status: number; body: T }>;
  put<T = unknown>(url: string, body?: unknown): Promise<{ status: number; body: T }>;
  patch<T = unknown>(url: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function loginAdmin(serverUrl: string, password = E2E_ADMIN_PASSWORD): Promise<AdminClient> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const client: AdminClient = {
    authorization: `Bearer ${token}`,
    async request<T>(method: string, url: string, body?: unknown) {
      const res = await fetch(`${serverUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body),
    put: (url, body) => client.request('PUT', url, body),
    patch: (url, body) => client.request('PATCH', url, body),
  };
  return client;
}
