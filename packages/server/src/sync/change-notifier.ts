import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { CHANGES_CHANNEL, COMMANDS_CHANNEL } from '../db/write';

export type ChangeSubscriber = (cursor: number) => void;
export type CommandSubscriber = (stationId: string) => void;

/**
 * Wakes this node's live streams when a change or a station command commits (SPEC §2). On SQLite
 * the write path calls `notify`/`notifyCommand` after its commit. On PostgreSQL the write path
 * issues NOTIFY inside its transaction and every node, this one included, hears it on ONE
 * listening connection, so a change (or a command) written through any node reaches stations
 * connected to any other. The connection reconnects by itself; after a reconnect it reports the
 * head cursor, because notifications sent while it was away are lost (commands lost that way are
 * still delivered by the station's next hello).
 *
 * Subscribers are called synchronously and must not throw.
 */
export class ChangeNotifier {
  private readonly subscribers = new Set<ChangeSubscriber>();
  private readonly commandSubscribers = new Set<CommandSubscriber>();
  private latest = 0;

  notify(cursor: number): void {
    if (cursor > this.latest) this.latest = cursor;
    for (const subscriber of this.subscribers) subscriber(cursor);
  }

  notifyCommand(stationId: string): void {
    for (const subscriber of this.commandSubscribers) subscriber(stationId);
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  subscribeCommands(subscriber: CommandSubscriber): () => void {
    this.commandSubscribers.add(subscriber);
    return () => this.commandSubscribers.delete(subscriber);
  }

  /** The highest cursor heard of so far (0 before any). */
  get latestCursor(): number {
    return this.latest;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }
}

export interface PgListener {
  close(): Promise<void>;
}

export function listenForChanges(
  connectionString: string,
  notifier: ChangeNotifier,
  readHead: () => Promise<number>,
  log: FastifyBaseLogger,
): PgListener {
  let client: pg.Client | undefined;
  let closed = false;
  let delayMs = 250;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === COMMANDS_CHANNEL) {
        if (message.payload) notifier.notifyCommand(message.payload);
        return;
      }
      const cursor = Number(message.payload);
      if (Number.isFinite(cursor)) notifier.notify(cursor);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'change listener lost its connection; reconnecting');
      scheduleReconnect(next);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      await next.query(`LISTEN ${COMMANDS_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      delayMs = 250;
      notifier.notify(await readHead());
    } catch (error) {
      if (closed) return;
      log.warn({ err: error }, 'change listener could not connect; retrying');
      scheduleReconnect(next);
    }
  };

  const scheduleReconnect = (broken: pg.Client) => {
    if (client === broken) client = undefined;
    broken.end().catch((error: unknown) => log.debug({ err: error }, 'closing a broken listener connection'));
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delayMs);
    delayMs = Math.min(delayMs * 2, 5000);
  };

  void connect();

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end();
    },
  };
}
