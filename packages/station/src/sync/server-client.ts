import type {
  ChangesPage,
  HelloRequest,
  HelloResponse,
  PairRequest,
  PairResponse,
} from '@storelink/contracts';
import { STATION_APP_VERSION } from '../version';

/** The server answered with a problem (SPEC §7): `code` is the stable error code. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly problem: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = 'SyncHttpError';
  }

  /** A refusal the station cannot fix by retrying soon: it must wait for a person to act. */
  get isRefusal(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 426;
  }
}

/** The server could not be reached, or the exchange broke off: retry with back-off. */
export class ServerUnreachable extends Error {
  constructor(
    readonly serverUrl: string,
    cause: unknown,
  ) {
    const reason = describeCause(cause);
    super(`Cannot reach the server at ${serverUrl} (${reason}).`, { cause });
    this.name = 'ServerUnreachable';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const code = inner && typeof inner === 'object' && 'code' in inner ? String(inner.code) : '';
    if (cause.name === 'TimeoutError') return 'timed out';
    return code || cause.message;
  }
  return String(cause);
}

export const REQUEST_TIMEOUT_MS = 15_000;

/** The server's clock from an answer's `Date` header (whole seconds), or undefined. */
export function serverDateOf(res: Response): string | undefined {
  const header = res.headers.get('date');
  const at = header ? Date.parse(header) : NaN;
  return Number.isFinite(at) ? new Date(at).toISOString() : undefined;
}

async function toProblem(res: Response): Promise<SyncHttpError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not a problem document: a proxy's error page, say
  }
  const code = typeof body.code === 'string' ? body.code : `http_${res.status}`;
  const detail = typeof body.detail === 'string' ? body.detail : `The server answered ${res.status}.`;
  return new SyncHttpError(res.status, code, detail, body);
}

/**
 * The station's side of `/api/v1/sync` (SPEC §4). Every call either resolves, throws a
 * `SyncHttpError` (the server answered with a problem) or a `ServerUnreachable` (no answer).
 */
export class ServerClient {
  constructor(
    readonly serverUrl: string,
    private readonly token: string,
    private readonly stopSignal?: AbortSignal,
  ) {}

  /** Pairs with a one-time code; needs no token. */
  static async pair(serverUrl: string, request: PairRequest): Promise<PairResponse> {
    const res = await send(serverUrl, '/api/v1/sync/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent() },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!res.ok) throw await toProblem(res);
    return (await res.json()) as PairResponse;
  }

  async hello(request: HelloRequest): Promise<HelloResponse> {
    const res = await this.request('/api/v1/sync/hello', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await this.readJson(res)) as HelloResponse;
  }

  async changes(
    after: number,
    limit: number,
  ): Promise<{ page: ChangesPage; serverDate: string | undefined }> {
    const res = await this.request(`/api/v1/sync/changes?after=${after}&limit=${limit}`, { method: 'GET' });
    const page = (await this.readJson(res)) as ChangesPage;
    return { page, serverDate: serverDateOf(res) };
  }

  /** Opens the snapshot stream; the caller reads (and may abort) the body. */
  async snapshot(signal: AbortSignal): Promise<Response> {
    const res = await this.request(
      '/api/v1/sync/snapshot',
      { method: 'GET', headers: { 'accept-encoding': 'gzip' } },
      signal,
    );
    if (!res.ok) throw await toProblem(res);
    return res;
  }

  /** Opens the live event stream from `lastEventId` (the catalog's cursor). */
  async events(lastEventId: number | null, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== null) headers['last-event-id'] = String(lastEventId);
    const res = await this.request('/api/v1/sync/events', { method: 'GET', headers }, signal);
    if (!res.ok) throw await toProblem(res);
    return res;
  }

  private async request(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const signals = [signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
    if (this.stopSignal) signals.push(this.stopSignal);
    return send(this.serverUrl, path, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${this.token}`,
        'user-agent': userAgent(),
      },
      signal: AbortSignal.any(signals),
    });
  }

  private async readJson(res: Response): Promise<unknown> {
    if (!res.ok) throw await toProblem(res);
    try {
      return await res.json();
    } catch (error) {
      throw new ServerUnreachable(this.serverUrl, error);
    }
  }
}

async function send(serverUrl: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${serverUrl}${path}`, init);
  } catch (error) {
    throw new ServerUnreachable(serverUrl, error);
  }
}

function userAgent(): string {
  return `storelink-station/${STATION_APP_VERSION}`;
}
