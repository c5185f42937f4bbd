import type { InjectOptions } from 'fastify';
import { buildServer, openDatabase, type StorelinkServer } from '@storelink/server';
import { createTestDatabase, testDialect, type TestDatabase, type TestDialect } from './test-database';

export const TEST_ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

/** A thin HTTP client over `app.inject()`: real routing, validation and database, no socket. */
export interface TestApi {
  token: string | undefined;
  login(username?: string, password?: string): Promise<string>;
  as(token: string | undefined): TestApi;
  request<T = unknown>(options: InjectOptions): Promise<TestResponse<T>>;
  get<T = unknown>(url: string): Promise<TestResponse<T>>;
  post<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  patch<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  delete<T = unknown>(url: string): Promise<TestResponse<T>>;
}

export interface TestServer {
  server: StorelinkServer;
  database: TestDatabase;
  /** Logged in as `admin`. */
  api: TestApi;
  /** Not logged in. */
  anonymous: TestApi;
  close(): Promise<void>;
}

function createApi(server: StorelinkServer, token: string | undefined): TestApi {
  const api: TestApi = {
    token,
    async login(username = 'admin', password = TEST_ADMIN_PASSWORD) {
      const res = await api.post<{ token: string }>('/api/v1/auth/login', { username, password });
      if (res.status !== 200)
        throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    as: (other) => createApi(server, other),
    async request<T>(options: InjectOptions) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await server.app.inject({ ...options, headers });
      const isJson = /[/+]json\b/.test(String(res.headers['content-type'] ?? ''));
      return { status: res.statusCode, headers: res.headers, body: (isJson ? res.json() : res.body) as T };
    },
    get: (url) => api.request({ method: 'GET', url }),
    post: (url, body) =>
      api.request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) =>
      api.request({ method: 'PATCH', url, ...(body === undefined ? {} : { payload: body as object }) }),
    put: (url, body) =>
      api.request({ method: 'PUT', url, ...(body === undefined ? {} : { payload: body as object }) }),
    delete: (url) => api.request({ method: 'DELETE', url }),
  };
  return api;
}

/**
 * A real server on a fresh database of the run's dialect (SQLite, or PostgreSQL when
 * DATABASE_URL is set), with `admin` created and logged in.
 */
export async function createTestServer(
  options: {
    dialect?: TestDialect;
    now?: () => Date;
    pingIntervalMs?: number;
    consoleDir?: string | false;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(options.dialect ?? testDialect());
  const handle = await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  const server = await buildServer({
    database: handle,
    ...(options.now ? { now: options.now } : {}),
    ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
    ...(options.consoleDir !== undefined ? { consoleDir: options.consoleDir } : {}),
  });
  await server.services.auth.ensureAdmin(TEST_ADMIN_PASSWORD);
  const anonymous = createApi(server, undefined);
  const api = createApi(server, await anonymous.login());
  return {
    server,
    database,
    api,
    anonymous,
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
