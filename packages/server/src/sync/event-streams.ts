import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { PendingCommand } from '@storelink/contracts';
import type { ChangeNotifier } from './change-notifier';
import type { TakePendingCommands } from './sync.service';

export const PING_INTERVAL_MS = 15_000;

/**
 * One station's live stream. Pokes are coalesced: while the socket is not draining (`write`
 * returned false) only the newest cursor is remembered and sent on `drain`, so a slow or stuck
 * station costs one pending number, never a growing buffer. Commands are rare and always written.
 */
class StationStream {
  private blocked = false;
  private pendingCursor: number | undefined;
  private lastSentCursor = -1;

  constructor(
    readonly stationId: string,
    private readonly res: ServerResponse,
  ) {
    res.on('drain', () => {
      this.blocked = false;
      const pending = this.pendingCursor;
      this.pendingCursor = undefined;
      if (pending !== undefined) this.poke(pending);
    });
  }

  poke(cursor: number): void {
    if (cursor <= this.lastSentCursor) return;
    if (this.blocked) {
      this.pendingCursor = Math.max(this.pendingCursor ?? 0, cursor);
      return;
    }
    this.lastSentCursor = cursor;
    this.send(`event: changes\nid: ${cursor}\ndata: ${cursor}\n\n`);
  }

  command(command: PendingCommand): void {
    this.send(`event: command\ndata: ${JSON.stringify(command)}\n\n`);
  }

  ping(): void {
    if (!this.blocked) this.send(': ping\n\n');
  }

  /** Ends the stream and drops its connection: a closing server must not wait on keep-alive. */
  close(): void {
    this.res.end();
    this.res.socket?.destroy();
  }

  /** Bytes queued in this process for the socket: bounded by one poke while blocked. */
  get bufferedBytes(): number {
    return this.res.writableLength;
  }

  get hasPendingPoke(): boolean {
    return this.pendingCursor !== undefined;
  }

  private send(text: string): void {
    if (this.res.destroyed || this.res.writableEnded) return;
    if (!this.res.write(text)) this.blocked = true;
  }
}

export interface EventStreamsOptions {
  notifier: ChangeNotifier;
  readHead: () => Promise<number>;
  takePendingCommands: TakePendingCommands;
  log: FastifyBaseLogger;
  pingIntervalMs?: number;
}

/**
 * This node's live event streams (SPEC §4.2 "Live"), keyed by station:
 *
 *   commit ─▶ ChangeNotifier ─▶ (once per tick, newest cursor) ─▶ every stream: event: changes
 *   command queued ─▶ notifyCommand(stationId) ─▶ that station's stream: event: command
 *
 * Pokes carry no data beyond the cursor: the station pulls `changes` itself, in its own scope.
 * A comment ping every 15 s keeps proxies from closing an idle stream.
 */
export class EventStreams {
  private readonly streams = new Map<string, StationStream[]>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly pingTimer: NodeJS.Timeout;
  private flushScheduled = false;
  private newestCursor = 0;

  constructor(private readonly options: EventStreamsOptions) {
    this.unsubscribe.push(
      options.notifier.subscribe((cursor) => this.onChange(cursor)),
      options.notifier.subscribeCommands((stationId) => void this.deliverCommands(stationId)),
    );
    this.pingTimer = setInterval(
      () => this.forEach((s) => s.ping()),
      options.pingIntervalMs ?? PING_INTERVAL_MS,
    );
    this.pingTimer.unref();
  }

  /**
   * Starts a stream on a hijacked response. It registers before reading the head, so a change
   * committed meanwhile is poked, never missed; a station behind the head (its `Last-Event-ID`,
   * or no id at all) is poked at once. Pending commands go out right away.
   */
  async open(res: ServerResponse, stationId: string, lastEventId: number | undefined): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const stream = new StationStream(stationId, res);
    const list = this.streams.get(stationId) ?? [];
    list.push(stream);
    this.streams.set(stationId, list);
    res.on('close', () => this.remove(stream));
    try {
      const head = await this.options.readHead();
      if (lastEventId === undefined || lastEventId < head) stream.poke(head);
      await this.deliverCommands(stationId);
    } catch (error) {
      this.options.log.warn({ err: error, stationId }, 'could not start the event stream; closing it');
      stream.close();
    }
  }

  /** How many streams this node holds, and what they buffer (for tests and metrics). */
  stats(): { streams: number; bufferedBytes: number; pendingPokes: number } {
    let streams = 0;
    let bufferedBytes = 0;
    let pendingPokes = 0;
    this.forEach((s) => {
      streams += 1;
      bufferedBytes += s.bufferedBytes;
      if (s.hasPendingPoke) pendingPokes += 1;
    });
    return { streams, bufferedBytes, pendingPokes };
  }

  isConnected(stationId: string): boolean {
    return (this.streams.get(stationId)?.length ?? 0) > 0;
  }

  close(): void {
    clearInterval(this.pingTimer);
    for (const off of this.unsubscribe) off();
    this.forEach((s) => s.close());
    this.streams.clear();
  }

  private onChange(cursor: number): void {
    if (cursor > this.newestCursor) this.newestCursor = cursor;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const newest = this.newestCursor;
      this.forEach((s) => s.poke(newest));
    });
  }

  /** Sends the station's pending commands to its newest stream, marking them delivered. */
  private async deliverCommands(stationId: string): Promise<void> {
    const list = this.streams.get(stationId);
    const newest = list?.[list.length - 1];
    if (!newest) return;
    try {
      const commands = await this.options.takePendingCommands(stationId);
      for (const command of commands) newest.command(command);
    } catch (error) {
      // The commands stay pending: the station's next hello collects them.
      this.options.log.warn({ err: error, stationId }, 'could not deliver station commands');
    }
  }

  private remove(stream: StationStream): void {
    const list = this.streams.get(stream.stationId);
    if (!list) return;
    const rest = list.filter((s) => s !== stream);
    if (rest.length === 0) this.streams.delete(stream.stationId);
    else this.streams.set(stream.stationId, rest);
  }

  private forEach(visit: (stream: StationStream) => void): void {
    for (const list of this.streams.values()) for (const stream of list) visit(stream);
  }
}
