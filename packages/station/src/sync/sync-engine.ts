import type { FastifyBaseLogger } from 'fastify';
import { PROTOCOL_VERSION, type PendingCommand, type StationStatus } from '@storelink/contracts';
import { isVersionAtLeast } from '@storelink/domain';
import { readDatabaseSizeBytes, type StationDb } from '../db/database';
import type { StationIdentity } from '../identity';
import { readLastSeq, readOutboxState } from '../outbox/outbox.repository';
import { STATION_APP_VERSION } from '../version';
import { backoffDelayMs, sleep, type BackoffOptions } from './backoff';
import { ChangeApplier, type ApplyResult } from './change-applier';
import { readEventStream } from './event-stream-client';
import { ServerClient, ServerUnreachable, SyncHttpError } from './server-client';
import { loadSnapshot, type SnapshotProgress } from './snapshot-loader';
import { readSyncState, updateSyncState } from './sync-state';

export type EngineLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

export interface SyncEngineOptions {
  db: StationDb;
  identity: StationIdentity;
  log: EngineLog;
  appVersion?: string;
  /** Called for a `send-now` command: the outbox sender (movements issue) plugs in here. */
  onSendNow?: () => void;
  backoff?: BackoffOptions;
  changesPageLimit?: number;
  /** Called after each committed change page (metrics, benchmarks); must not throw. */
  onApplied?: (result: ApplyResult) => void;
}

type Task = 'hello' | 'snapshot' | 'pull';

/**
 * The station's sync engine (SPEC §4.1, §4.2): hello, snapshot, pull, live stream and scheduler.
 *
 *   worker (one task at a time):  hello ─▶ snapshot (if due) ─▶ pull until the head
 *   triggers:  start, heartbeat timer (group heartbeatSeconds) ─▶ hello ─▶ pull
 *              live stream poke ─▶ pull            command resync ─▶ snapshot
 *              stream down ─▶ poll timer (group syncIntervalSeconds) ─▶ pull
 *   failures:  network/5xx ─▶ back-off with jitter, retried for ever (capped at 30 s)
 *              426/403/401 ─▶ refused: no data calls, hello again every heartbeat, reason in status
 *              410 ─▶ snapshot (the outbox is never touched)
 *
 * The local API keeps serving from the database whatever happens here.
 */
export class SyncEngine {
  private readonly db: StationDb;
  private readonly client: ServerClient;
  private readonly applier: ChangeApplier;
  private readonly appVersion: string;
  private readonly stopController = new AbortController();
  private readonly due: Record<Task, boolean> = { hello: true, snapshot: false, pull: false };
  private wakeWorker: (() => void) | undefined;
  private wakeStream: (() => void) | undefined;
  private running: Promise<void>[] = [];
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private isOnline = false;
  private isStreaming = false;
  private refusal: SyncHttpError | undefined;
  private hasGreeted = false;
  private hasSavedError: boolean;
  private readonly progressListeners = new Set<(p: SnapshotProgress) => void>();

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.appVersion = options.appVersion ?? STATION_APP_VERSION;
    this.client = new ServerClient(
      options.identity.serverUrl,
      options.identity.token,
      this.stopController.signal,
    );
    this.applier = new ChangeApplier(this.db);
    const state = readSyncState(this.db);
    this.due.snapshot = state.needsSnapshot;
    this.hasSavedError = state.lastError !== null;
  }

  start(): void {
    this.running = [this.runWorker(), this.runStream()];
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    clearTimeout(this.heartbeatTimer);
    clearInterval(this.pollTimer);
    this.wakeWorker?.();
    this.wakeStream?.();
    await Promise.allSettled(this.running);
  }

  get online(): boolean {
    return this.isOnline;
  }

  get streaming(): boolean {
    return this.isStreaming;
  }

  /** Listens to snapshot progress (the CLI's progress bar). */
  onSnapshotProgress(listener: (p: SnapshotProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  request(task: Task): void {
    if (task === 'snapshot') updateSyncState(this.db, { needsSnapshot: true });
    this.due[task] = true;
    this.wakeWorker?.();
  }

  status(): StationStatus {
    const state = readSyncState(this.db);
    const percent =
      state.snapshotState === 'ready'
        ? 100
        : state.snapshotState === 'loading' && state.snapshotTotal > 0
          ? Math.min(100, Math.floor((state.snapshotLoaded * 100) / state.snapshotTotal))
          : 0;
    return {
      stationCode: this.options.identity.stationCode,
      online: this.isOnline,
      lastContactAt: state.lastContactAt,
      cursor: state.cursor === null ? null : String(state.cursor),
      dataAsOf: state.dataAsOf,
      snapshot: { state: state.snapshotState, percent },
      outbox: readOutboxState(this.db),
      version: {
        app: this.appVersion,
        minRequired: state.minStationVersion,
        compatible: state.versionCompatible,
      },
      lastError: state.lastError,
    };
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private nextTask(): Task | undefined {
    if (this.due.hello) return 'hello';
    if (this.refusal) return undefined;
    if (this.due.snapshot) return 'snapshot';
    if (this.due.pull) return 'pull';
    return undefined;
  }

  private async runWorker(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const task = this.nextTask();
      if (!task) {
        await new Promise<void>((resolve) => (this.wakeWorker = resolve));
        this.wakeWorker = undefined;
        continue;
      }
      this.due[task] = false;
      try {
        await this.runTask(task);
        failures = 0;
      } catch (error) {
        if (this.stopped) return;
        this.due[task] = true;
        failures += 1;
        await sleep(this.recordFailure(error, failures), this.stopController.signal);
      }
    }
  }

  private async runTask(task: Task): Promise<void> {
    switch (task) {
      case 'hello':
        return this.hello();
      case 'snapshot':
        return this.snapshot();
      case 'pull':
        return this.pull();
    }
  }

  private async hello(): Promise<void> {
    const identity = this.options.identity;
    const state = readSyncState(this.db);
    const response = await this.client.hello({
      appVersion: this.appVersion,
      protocolVersion: PROTOCOL_VERSION,
      incarnation: identity.incarnation,
      lastSeq: readLastSeq(this.db, identity.incarnation),
      cursor: state.cursor === null ? null : String(state.cursor),
      outbox: readOutboxState(this.db),
      dbSizeBytes: readDatabaseSizeBytes(this.db),
      clock: new Date().toISOString(),
    });
    this.refusal = undefined;
    updateSyncState(this.db, {
      lastContactAt: new Date().toISOString(),
      minStationVersion: response.minStationVersion,
      versionCompatible: isVersionAtLeast(this.appVersion, response.minStationVersion),
      heartbeatSeconds: response.group.heartbeatSeconds,
      syncIntervalSeconds: response.group.syncIntervalSeconds,
    });
    this.markOnline();
    for (const command of response.commands) this.handleCommand(command);
    // Every heartbeat also pulls: a safety net behind the pokes, and it keeps dataAsOf fresh.
    this.due.pull = true;
    if (readSyncState(this.db).needsSnapshot) this.due.snapshot = true;
    this.scheduleHeartbeat(response.group.heartbeatSeconds);
    if (!this.hasGreeted) {
      this.hasGreeted = true;
      this.options.log.info({ incarnation: identity.incarnation }, 'connected to the server');
    }
    this.wakeStream?.();
  }

  private async snapshot(): Promise<void> {
    const result = await loadSnapshot(this.db, this.client, {
      signal: this.stopController.signal,
      onProgress: (p) => {
        for (const listener of this.progressListeners) listener(p);
      },
    });
    updateSyncState(this.db, { lastContactAt: new Date().toISOString() });
    this.markOnline();
    this.options.log.info({ cursor: result.cursor, rows: result.rows }, 'catalog snapshot loaded');
    this.due.pull = true;
  }

  private async pull(): Promise<void> {
    const limit = this.options.changesPageLimit ?? 1000;
    for (;;) {
      const state = readSyncState(this.db);
      if (state.cursor === null) {
        this.request('snapshot');
        return;
      }
      const { page, serverDate } = await this.client.changes(state.cursor, limit);
      const result = this.applier.apply(page, serverDate, new Date().toISOString());
      this.options.onApplied?.(result);
      this.markOnline();
      if (!page.hasMore || this.stopped) return;
    }
  }

  private handleCommand(command: PendingCommand): void {
    this.options.log.info({ command }, 'command from the server');
    if (command.type === 'resync') this.request('snapshot');
    else this.options.onSendNow?.();
  }

  /** Records why the last attempt failed; answers how long to wait before the next. */
  private recordFailure(error: unknown, failures: number): number {
    const heartbeatMs = readSyncState(this.db).heartbeatSeconds * 1000;
    if (error instanceof SyncHttpError && error.code === 'cursor_expired') {
      this.options.log.warn('the catalog cursor expired on the server; taking a new snapshot');
      this.request('snapshot');
      this.saveError(error.code, error.detail);
      return 0;
    }
    if (error instanceof SyncHttpError && error.isRefusal) {
      this.refusal = error;
      this.isOnline = false;
      this.due.hello = true;
      const min = error.problem.minStationVersion;
      updateSyncState(this.db, {
        lastContactAt: new Date().toISOString(),
        ...(error.code === 'station_version_unsupported'
          ? { versionCompatible: false, ...(typeof min === 'string' ? { minStationVersion: min } : {}) }
          : {}),
      });
      this.saveError(error.code, error.detail);
      this.options.log.warn({ code: error.code }, error.detail);
      return heartbeatMs;
    }
    this.isOnline = false;
    const detail =
      error instanceof ServerUnreachable
        ? `${error.message} Selling continues offline; retrying.`
        : error instanceof SyncHttpError
          ? error.detail
          : `Sync failed: ${error instanceof Error ? error.message : String(error)}. Retrying.`;
    this.saveError(error instanceof SyncHttpError ? error.code : 'unreachable', detail);
    const delay = backoffDelayMs(failures, this.options.backoff);
    this.options.log.warn({ retryInMs: delay }, detail);
    return delay;
  }

  private saveError(code: string, detail: string): void {
    this.hasSavedError = true;
    updateSyncState(this.db, {
      lastError: detail,
      lastErrorCode: code,
      lastErrorAt: new Date().toISOString(),
    });
  }

  /** The last exchange worked: online, and the last error is history. */
  private markOnline(): void {
    this.isOnline = true;
    if (this.hasSavedError && !this.refusal) {
      this.hasSavedError = false;
      updateSyncState(this.db, { lastError: null, lastErrorCode: null, lastErrorAt: null });
    }
  }

  private scheduleHeartbeat(seconds: number): void {
    clearTimeout(this.heartbeatTimer);
    if (this.stopped) return;
    this.heartbeatTimer = setTimeout(() => this.request('hello'), seconds * 1000);
  }

  private setPolling(on: boolean): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    if (!on || this.stopped) return;
    const seconds = readSyncState(this.db).syncIntervalSeconds;
    this.pollTimer = setInterval(() => this.request('pull'), seconds * 1000);
  }

  /** Keeps the live stream open while the station may sync; polls while it is down. */
  private async runStream(): Promise<void> {
    let failures = 0;
    this.setPolling(true);
    while (!this.stopped) {
      if (!this.hasGreeted || this.refusal) {
        await new Promise<void>((resolve) => (this.wakeStream = resolve));
        this.wakeStream = undefined;
        continue;
      }
      const abort = new AbortController();
      const onStop = () => abort.abort();
      this.stopController.signal.addEventListener('abort', onStop, { once: true });
      try {
        const res = await this.client.events(readSyncState(this.db).cursor, abort.signal);
        this.isStreaming = true;
        this.setPolling(false);
        this.markOnline();
        // Back after an outage: say hello again (version policy, commands, monitoring).
        if (failures > 0) this.request('hello');
        failures = 0;
        await readEventStream(
          res,
          {
            onPoke: (cursor) => {
              const current = readSyncState(this.db).cursor;
              if (current === null || cursor > current) this.request('pull');
            },
            onCommand: (command) => this.handleCommand(command),
          },
          abort,
        );
      } catch (error) {
        if (error instanceof SyncHttpError && error.isRefusal) {
          this.refusal = error;
          this.due.hello = true;
        }
      } finally {
        this.stopController.signal.removeEventListener('abort', onStop);
        if (this.isStreaming) this.options.log.info('live stream closed; polling until it reconnects');
        this.isStreaming = false;
        this.setPolling(true);
      }
      if (this.stopped) return;
      failures += 1;
      await sleep(backoffDelayMs(failures, this.options.backoff), this.stopController.signal);
    }
  }
}
