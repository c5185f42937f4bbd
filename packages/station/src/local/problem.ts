import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { errorCatalog, type ErrorCode } from '@storelink/contracts';

const PROBLEM_TYPE_BASE = 'https://storelink.dev/problems/';

/** A broken rule of the local API, rendered as problem+json by the one handler below. */
export class LocalError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'LocalError';
  }
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  errors?: { path: string; message: string }[],
): FastifyReply {
  const { status, title } = errorCatalog[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: PROBLEM_TYPE_BASE + code, title, status, detail, code, ...(errors ? { errors } : {}) });
}

/**
 * Same error contract as the server (SPEC §7): every failure is `application/problem+json` with a
 * stable code; validation names its fields; anything unexpected is logged and answered 503.
 * Bodies are validated strictly (no coercion, unknown fields refused); query strings are coerced.
 */
export function registerLocalErrors(app: FastifyInstance): void {
  const create = (options: Options) => {
    const ajv = new Ajv({ allErrors: true, strict: false, ...options });
    addFormats(ajv);
    return ajv;
  };
  const bodyAjv = create({ coerceTypes: false, useDefaults: false, removeAdditional: false });
  const urlAjv = create({ coerceTypes: true, useDefaults: true, removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? bodyAjv.compile(schema) : urlAjv.compile(schema),
  );

  app.setErrorHandler((error: FastifyError | LocalError, request, reply) => {
    if (error instanceof LocalError) return sendProblem(reply, error.code, error.detail, error.errors);
    if (error.validation) {
      const errors = error.validation.map((v) => {
        const params = v.params;
        const extra =
          typeof params.additionalProperty === 'string'
            ? params.additionalProperty
            : typeof params.missingProperty === 'string'
              ? params.missingProperty
              : '';
        const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return {
          path: [base, extra].filter(Boolean).join('.') || (error.validationContext ?? 'request'),
          message:
            v.keyword === 'additionalProperties'
              ? 'is not a known field; remove it'
              : (v.message ?? 'is not valid'),
        };
      });
      const first = errors[0];
      const detail =
        errors.length === 1 && first
          ? `${first.path}: ${first.message}.`
          : 'Some fields are not valid; see errors.';
      return sendProblem(reply, 'validation_failed', detail, errors);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, 'validation_failed', error.message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      reply,
      'unavailable',
      'The station could not complete the request. Try again in a moment.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      'not_found',
      `There is no ${request.method} ${request.url.split('?')[0]} here. Check the path.`,
    ),
  );
}
