import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { CHANGES_CHANNEL } from '../db/write';

export type ChangeSubscriber = (cursor: number) => void;

/**
 * Wakes this node's live streams when a change commits (SPEC §2). On SQLite the write path calls
 * `notify` after its commit. On PostgreSQL the write path issues NOTIFY inside its transaction and
 * every node, this one included, hears it on ONE listening connection, so a change written through
 * any node reaches stations connected to any other. The connection reconnects by itself; after a
 * reconnect it reports the head cursor, because notifications sent while it was away are lost.
 */
export class ChangeNotifier {
  private readonly subscribers = new Set<ChangeSubscriber>();
  private latest = 0;

  notify(cursor: number): void {
    if (cursor > this.latest) this.latest = cursor;
    for (const subscriber of this.subscribers) subscriber(cursor);
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
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
      client = next;
      delayMs = 250;
      notifier.notify(await readHead());
    } catch (error) {
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
