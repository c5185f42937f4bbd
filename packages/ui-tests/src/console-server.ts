import type { Browser, Page } from 'playwright-core';
import { createTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '@storelink/testing';
import { launchBrowser, logIn, openPage } from './browser';

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
async function startConsoleServer(): Promise<ConsoleServer> {
  const t = await createTestServer();
  const baseUrl = await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, baseUrl, close: () => t.close() };
}

/** What one test file drives: a back office serving the console, and a browser. */
export interface ConsoleSession {
  server: ConsoleServer;
  browser: Browser;
  /** Closes the browser, then the back office; parts that never started are skipped. */
  close(): Promise<void>;
}

/** A console session whose tests walk through one page, logged in as admin. */
export interface AdminConsoleSession extends ConsoleSession {
  page: Page;
  /** Uncaught page errors; the file's `afterAll` expects none. */
  errors: string[];
}

/** Starts the back office and the browser of a test file; `seed` fills the database first. */
export async function startConsoleSession(seed?: (t: TestServer) => Promise<void>): Promise<ConsoleSession> {
  const server = await startConsoleServer();
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    browser = await launchBrowser();
    await seed?.(server.t);
    return { server, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The same, with one page opened and logged in as admin once `seed` has run. */
export async function startAdminConsoleSession(
  seed?: (t: TestServer) => Promise<void>,
): Promise<AdminConsoleSession> {
  const session = await startConsoleSession(seed);
  try {
    const { page, errors } = await openPage(session.browser, session.server.baseUrl);
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
    return { ...session, page, errors };
  } catch (error) {
    await session.close();
    throw error;
  }
}
