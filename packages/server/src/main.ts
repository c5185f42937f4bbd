import type { FastifyServerOptions } from 'fastify';
import { openDatabase } from './db/database';
import { buildServer, type StorelinkServer } from './app';

export interface StartOptions {
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Password for the `admin` user created on the very first start. */
  adminPassword?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  https?: { key: Buffer; cert: Buffer } | undefined;
}

export interface RunningServer extends StorelinkServer {
  url: string;
  dialect: 'sqlite' | 'postgres';
  databaseLocation: string;
  /** Set only on the first start, when no admin password was given. */
  generatedAdminPassword?: string;
  adminCreated: boolean;
}

/** Opens (and migrates) the database, builds the server, creates `admin` if needed, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const server = await buildServer({
    database,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  });
  try {
    const admin = await server.services.auth.ensureAdmin(options.adminPassword);
    const url = await server.app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    return {
      ...server,
      url,
      dialect: database.dialect,
      databaseLocation: database.location,
      adminCreated: admin.created,
      ...(admin.generatedPassword ? { generatedAdminPassword: admin.generatedPassword } : {}),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
