import { createParser } from 'eventsource-parser';
import { waitUntil } from './wait';

export interface ReceivedEvent {
  event: string | undefined;
  id: string | undefined;
  data: string;
}

/** A test client of `GET /api/v1/sync/events` that records every event and comment. */
export interface TestEventStream {
  status: number;
  events: ReceivedEvent[];
  comments: string[];
  /** Resolves with the first recorded event (from `from` on) that matches, or fails on timeout. */
  waitFor(
    match: (event: ReceivedEvent) => boolean,
    options?: { timeoutMs?: number; from?: number },
  ): Promise<ReceivedEvent>;
  close(): void;
}

export async function openEventStream(
  baseUrl: string,
  token: string,
  options: { lastEventId?: string } = {},
): Promise<TestEventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const res = await fetch(`${baseUrl}/api/v1/sync/events`, { headers, signal: abort.signal });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  const parser = createParser({
    onEvent: (e) => events.push({ event: e.event, id: e.id, data: e.data }),
    onComment: (c) => comments.push(c.trim()),
  });
  if (res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          parser.feed(value);
        }
      } catch {
        // aborted by close(), or the server went away
      }
    })();
  }
  return {
    status: res.status,
    events,
    comments,
    waitFor(match, waitOptions = {}) {
      const from = waitOptions.from ?? 0;
      return waitUntil(() => events.slice(from).find(match), {
        timeoutMs: waitOptions.timeoutMs ?? 10_000,
        what: 'an event on the stream',
      });
    },
    close: () => abort.abort(),
  };
}
