import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** Media types of the streamed bulk imports (SPEC §12.4). */
export const CSV = 'text/csv';
export const NDJSON = 'application/x-ndjson';
export type StreamedType = typeof CSV | typeof NDJSON;

/** SPEC §12.1: imports are streamed and capped at 1 GiB. */
export const IMPORT_BODY_LIMIT_BYTES = 1024 ** 3;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The streamed media types this route reads itself, from the raw request stream. */
    streamedBody?: readonly StreamedType[];
  }
}

/**
 * Registers parsers that hand the raw request stream to the routes that declare
 * `config.streamedBody`, without buffering it: the route reads rows as they arrive, so memory
 * stays flat whatever the size of the upload. Other routes in the same plugin refuse these types.
 */
export function registerStreamedBodies(app: FastifyInstance): void {
  for (const type of [CSV, NDJSON] as const) {
    app.addContentTypeParser(type, (request, payload, done) => {
      if (!(request.routeOptions.config.streamedBody ?? []).includes(type)) {
        done(
          new AppError(
            'validation_failed',
            `Content type ${type} is not accepted here. Send application/json.`,
          ),
          undefined,
        );
        return;
      }
      done(null, payload);
    });
  }
  // Any other media type: say what this route takes, rather than Fastify's bare 415.
  app.addContentTypeParser('*', (request, _payload, done) => {
    const accepted = ['application/json', ...(request.routeOptions.config.streamedBody ?? [])];
    done(
      new AppError(
        'validation_failed',
        `Content type ${String(request.headers['content-type'] ?? '(none)')} is not accepted here. Send ${accepted.join(' or ')}.`,
      ),
      undefined,
    );
  });
}

/** Which streamed format a request carries, or undefined for a parsed (JSON) body. */
export function streamedTypeOf(request: FastifyRequest): StreamedType | undefined {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  return type === CSV || type === NDJSON ? type : undefined;
}

/** Counts the bytes going through and fails with `payload_too_large` past the limit. */
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limitBytes) {
      callback(
        new AppError(
          'payload_too_large',
          `The upload is larger than ${describeBytes(this.limitBytes)}. Split the file and import each part.`,
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}

/**
 * The request's body stream behind a byte counter. A declared Content-Length over the limit is
 * refused before anything is read; a body that grows past it (chunked uploads) fails the stream
 * at the first byte too many, and the reader surfaces that error.
 */
export function openStreamedBody(request: FastifyRequest, limitBytes: number): Readable {
  const body = request.body;
  if (!(body instanceof Readable)) {
    throw new AppError('validation_failed', 'The body could not be read as a stream.');
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new AppError(
      'payload_too_large',
      `The upload is ${describeBytes(declared)}, over the limit of ${describeBytes(limitBytes)}. Split the file and import each part.`,
    );
  }
  const limited = new ByteLimit(limitBytes);
  // Not `pipeline`: on the cap it would destroy the request, and with it the socket the 413
  // answer must go out on. `pipe` just stops reading; a broken upload still reaches the reader.
  body.once('error', (error) => limited.destroy(error));
  body.pipe(limited);
  return limited;
}

/**
 * After a failure the rest of an upload is not worth reading: closing the connection stops the
 * client instead of draining (up to 1 GiB of) a body nobody will use.
 */
export function closeUnreadBody(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.raw.readableEnded) void reply.header('connection', 'close');
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
