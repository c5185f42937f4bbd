import { createParser } from 'eventsource-parser';
import type { PendingCommand } from '@storelink/contracts';

export interface EventStreamHandlers {
  onPoke(cursor: number): void;
  onCommand(command: PendingCommand): void;
}

/** 3 missed pings of 15 s: the connection is half-open (a dead server behind a live proxy). */
export const STREAM_IDLE_TIMEOUT_MS = 45_000;

/**
 * Reads one live event stream until it ends (resolves) or breaks (rejects). A stream that stays
 * silent for `idleTimeoutMs` (no event, no ping) is aborted, so a half-open connection is noticed
 * and replaced. Unknown event types are ignored (a newer server may add some).
 */
export async function readEventStream(
  res: Response,
  handlers: EventStreamHandlers,
  abort: AbortController,
  idleTimeoutMs = STREAM_IDLE_TIMEOUT_MS,
): Promise<void> {
  if (!res.body) return;
  const parser = createParser({
    maxBufferSize: 1024 * 1024,
    onEvent(event) {
      if (event.event === 'changes') {
        const cursor = Number(event.id ?? event.data);
        if (Number.isFinite(cursor)) handlers.onPoke(cursor);
      } else if (event.event === 'command') {
        try {
          handlers.onCommand(JSON.parse(event.data) as PendingCommand);
        } catch {
          // a malformed command is dropped; the next hello repeats pending ones
        }
      }
    },
  });
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(new Error('the live stream went silent')), idleTimeoutMs);
  };
  arm();
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      arm();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    clearTimeout(idle);
    reader.releaseLock();
  }
}
