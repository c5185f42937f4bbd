import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { openStationDatabase, type StationDb } from './db/database';
import { readIdentity, type StationIdentity } from './identity';
import { buildLocalApp } from './local/local-app';
import type { BackoffOptions } from './sync/backoff';
import { SyncEngine } from './sync/sync-engine';
import type { ApplyResult } from './sync/change-applier';
import { recoverInterruptedSnapshot } from './sync/sync-state';
import { DEFAULT_LOCAL_PORT } from './version';

export const AGENT_FILE = 'agent.json';

/** Written by a running agent so `storelink station status` can ask it. */
export interface AgentInfo {
  pid: number;
  url: string;
  startedAt: string;
}

export interface RunStationOptions {
  dataDir: string;
  /** Local API port on 127.0.0.1 (default 8081; 0 picks a free one). */
  port?: number;
  logger?: FastifyServerOptions['logger'];
  appVersion?: string;
  backoff?: BackoffOptions;
  onSendNow?: () => void;
  onApplied?: (result: ApplyResult) => void;
}

export interface RunningStation {
  identity: StationIdentity;
  db: StationDb;
  engine: SyncEngine;
  app: FastifyInstance;
  /** The local API's base URL, e.g. http://127.0.0.1:8081. */
  url: string;
  close(): Promise<void>;
}

export class StationNotPaired extends Error {
  constructor(dataDir: string) {
    super(`The station in ${dataDir} is not paired. Run: storelink station pair --server URL --code CODE`);
    this.name = 'StationNotPaired';
  }
}

/**
 * Runs the station agent: its database, the sync engine and the local API on 127.0.0.1. A snapshot
 * that a crash interrupted is recovered first (the previous catalog serves, a new one is due).
 */
export async function runStation(options: RunStationOptions): Promise<RunningStation> {
  const identity = readIdentity(options.dataDir);
  if (!identity) throw new StationNotPaired(options.dataDir);
  const db = openStationDatabase(options.dataDir);
  recoverInterruptedSnapshot(db);
  const app = buildLocalApp({ db, status: () => engine.status(), logger: options.logger ?? false });
  const engine = new SyncEngine({
    db,
    identity,
    log: app.log,
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.onSendNow ? { onSendNow: options.onSendNow } : {}),
    ...(options.onApplied ? { onApplied: options.onApplied } : {}),
  });
  let url: string;
  try {
    url = await app.listen({ host: '127.0.0.1', port: options.port ?? DEFAULT_LOCAL_PORT });
  } catch (error) {
    await app.close();
    db.close();
    throw error;
  }
  engine.start();
  const agentFile = path.join(options.dataDir, AGENT_FILE);
  const info: AgentInfo = { pid: process.pid, url, startedAt: new Date().toISOString() };
  fs.writeFileSync(agentFile, JSON.stringify(info) + '\n', { mode: 0o600 });
  return {
    identity,
    db,
    engine,
    app,
    url,
    async close() {
      await engine.stop();
      await app.close();
      db.close();
      fs.rmSync(agentFile, { force: true });
    },
  };
}

/** The running agent's address, if its file is there (it may be stale after a crash). */
export function readAgentInfo(dataDir: string): AgentInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, AGENT_FILE), 'utf8')) as AgentInfo;
  } catch {
    return undefined;
  }
}
