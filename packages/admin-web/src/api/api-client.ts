import type { PageOf, Problem } from '@storelink/contracts';

/** Every back-office call goes under this prefix (SPEC §5). */
export const API_BASE = '/api/v1';

const TOKEN_KEY = 'storelink.token';

/**
 * The session token lives in sessionStorage: it dies with the tab, is never shared with other
 * tabs, and a reload keeps the operator logged in.
 */
export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * A failed call. `problem` is the server's problem+json body; a call that never reached the
 * server (network down) carries the pseudo-code `network_error` with status 0.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized: () => void = () => undefined;

/** Called once by the session: any 401 outside the login form ends the session. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function networkError(detail: string): ApiError {
  return new ApiError(0, {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail,
    code: 'network_error',
  });
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isProblem(body)) return new ApiError(response.status, body);
  return new ApiError(response.status, {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    detail: text.slice(0, 200) || response.statusText,
    code: response.status === 401 ? 'unauthorized' : 'unavailable',
  });
}

function handleUnauthorized(error: ApiError, path: string): void {
  if (error.status === 401 && path !== '/auth/login') {
    clearToken();
    onUnauthorized();
  }
}

/**
 * Calls the back-office API with the session token. Answers the parsed JSON body (or
 * `undefined` for 204); throws `ApiError` for any non-2xx answer or a network failure.
 */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw networkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    handleUnauthorized(error, path);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `?a=1&b=x`, leaving out empty and undefined values. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fetchPage<T>(path: string, params: Record<string, string | number | boolean | undefined>) {
  return callApi<PageOf<T>>('GET', path + queryString(params));
}

/**
 * Uploads a file with progress (fetch cannot report upload progress). `onProgress` receives
 * the fraction sent, 0..1; the promise settles with the server's answer once it has processed
 * the whole body.
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', API_BASE + path);
    request.setRequestHeader('content-type', contentType);
    request.setRequestHeader('accept', 'application/json');
    const token = readToken();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(networkError('The upload did not reach the server.'));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as T);
        return;
      }
      const error = isProblem(body)
        ? new ApiError(request.status, body)
        : new ApiError(request.status, {
            type: 'about:blank',
            title: request.statusText,
            status: request.status,
            detail: request.responseText.slice(0, 200) || request.statusText,
            code: request.status === 401 ? 'unauthorized' : 'unavailable',
          });
      handleUnauthorized(error, path);
      reject(error);
    };
    request.send(file);
  });
}
