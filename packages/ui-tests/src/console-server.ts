import { createTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '@storelink/testing';

export { TEST_ADMIN_PASSWORD };

export interface ConsoleServer {
  t: TestServer;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real back office on a fresh database, listening on an ephemeral port of 127.0.0.1 and
 * serving the built console at `/`.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const t = await createTestServer();
  const baseUrl = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, baseUrl, close: () => t.close() };
}
