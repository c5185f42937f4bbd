import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build:web` writes the back-office console (packages/admin-web/dist). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../admin-web/dist', import.meta.url));

/** Paths that belong to the API and operations: they never fall back to the console. */
const NOT_CONSOLE = /^\/(api(\/|$)|openapi\.json$|docs(\/|$)|healthz$|readyz$|metrics$)/;
/** A last path segment with an extension names a file; a missing file is a 404, not the app. */
const LOOKS_LIKE_FILE = /\/[^/]*\.[A-Za-z0-9]+$/;

/**
 * Whether a request that matched no file should get the console's `index.html`, so that a
 * reload on a client-side route such as `/master-data/stores` opens the app there.
 */
export function isConsoleRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?')[0] ?? '/';
  return !NOT_CONSOLE.test(pathname) && !LOOKS_LIKE_FILE.test(pathname);
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>storelink</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>storelink back office</h1>
<p>The web console has not been built yet. From the repository root run:</p>
<pre>npm run build:web</pre>
<p>and reload this page. The API is available under <a href="/docs">/docs</a>.</p>
</body></html>
`;

export interface ConsoleOptions {
  /** Directory holding the built console; `false` serves nothing at `/`. */
  dir: string | false;
}

/** Answers a request that matched no route, or `undefined` to leave it to the 404 problem. */
export type ConsoleFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply> | undefined;

/**
 * Serves the built back-office console at `/` with a single-page-app fallback. The files are
 * public (the console itself asks for a login); the API under `/api/v1` stays protected. When
 * the console has not been built, `/` answers a short page that says how to build it.
 *
 * Returns the fallback for the not-found handler.
 */
export async function registerConsole(
  app: FastifyInstance,
  options: ConsoleOptions,
): Promise<ConsoleFallback> {
  if (options.dir === false) return () => undefined;
  const dir = options.dir;
  const isBuilt = fs.existsSync(path.join(dir, 'index.html'));

  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
      route.schema = { ...route.schema, hide: true };
    });
    if (!isBuilt) {
      scope.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
      return;
    }
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: true,
      decorateReply: false,
      cacheControl: false,
      setHeaders(res, filePath) {
        // Hashed bundles never change; index.html must be revalidated to pick up a new build.
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  });

  const indexFile = path.join(dir, 'index.html');
  return (request, reply) => {
    if (!isConsoleRoute(request)) return undefined;
    const html = isBuilt ? fs.promises.readFile(indexFile, 'utf8') : Promise.resolve(NOT_BUILT_PAGE);
    // Read on each fallback (a small file) so a rebuild while the server runs is picked up.
    return html.then((text) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(text),
    );
  };
}
