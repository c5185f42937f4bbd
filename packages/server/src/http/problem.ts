import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalog, type ErrorCode } from '@storelink/contracts';
import { AppError, type FieldError } from './app-error';
import { translateDatabaseError } from '../db/database-errors';

const PROBLEM_TYPE_BASE = 'https://storelink.dev/problems/';

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): FastifyReply {
  const { status, title } = errorCatalog[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_TYPE_BASE + code,
      title,
      status,
      detail,
      code,
      ...(errors ? { errors } : {}),
      ...extra,
    });
}

/**
 * The one error handler: every failure leaves as problem+json with a stable code. Validation
 * errors name their fields; database constraint violations become `conflict` or
 * `validation_failed`; anything unexpected is logged whole and answered as 503 `unavailable`
 * without internals, so a client never sees a 500.
 */
export function registerProblemHandler(
  app: FastifyInstance,
  options: {
    fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> | undefined;
  } = {},
): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.code, error.detail, error.errors, error.extra);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = toFieldErrors(fastifyError.validation, fastifyError.validationContext);
      const first = errors[0];
      const detail =
        errors.length === 1 && first
          ? `${first.path}: ${first.message}.`
          : 'Some fields are not valid; see errors.';
      return sendProblem(reply, 'validation_failed', detail, errors);
    }
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(
          reply,
          'payload_too_large',
          'The request body is too large. Send less data at once.',
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          'validation_failed',
          `Content type ${String(request.headers['content-type'])} is not accepted here. Send application/json.`,
        );
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, 'validation_failed', 'The JSON body is empty. Send a JSON object.');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendProblem(reply, 'validation_failed', 'The body is not valid JSON. Check the syntax.');
      default:
        break;
    }
    if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
      return sendProblem(reply, 'validation_failed', 'The body is not valid JSON. Check the syntax.');
    }
    if (fastifyError.statusCode === 429) {
      return sendProblem(reply, 'rate_limited', 'Too many attempts. Wait a minute and try again.');
    }
    const translated = translateDatabaseError(error);
    if (translated) return sendProblem(reply, translated.code, translated.detail, translated.errors);
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return sendProblem(reply, 'validation_failed', fastifyError.message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      reply,
      'unavailable',
      'The server could not complete the request. Try again in a moment.',
    );
  });

  app.setNotFoundHandler(
    (request, reply) =>
      options.fallback?.(request, reply) ??
      sendProblem(
        reply,
        'not_found',
        `There is no ${request.method} ${request.url.split('?')[0]} here. Check the path.`,
      ),
  );
}

/** Schema validation errors in the words the API answers with: `{path: "skus[0].code", message}`. */
export function toFieldErrors(
  validation: readonly {
    instancePath: string;
    keyword: string;
    message?: string | undefined;
    params: Record<string, unknown>;
  }[],
  context?: string,
): FieldError[] {
  return validation.map((v) => ({
    path: fieldPath(v.instancePath, v.params, context),
    message: describeValidation(v.keyword, v.message, v.params),
  }));
}

function fieldPath(
  instancePath: string,
  params: Record<string, unknown>,
  context: string | undefined,
): string {
  const base = instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
  const extra =
    typeof params.missingProperty === 'string'
      ? params.missingProperty
      : typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : '';
  const joined = [base, extra].filter(Boolean).join('.');
  if (joined) return joined;
  return context ?? 'body';
}

function describeValidation(
  keyword: string,
  message: string | undefined,
  params: Record<string, unknown>,
): string {
  switch (keyword) {
    case 'additionalProperties':
      return 'is not a known field; remove it';
    case 'required':
      return 'is required';
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'type':
      return `must be ${article(String(params.type))}`;
    case 'pattern':
      return 'has the wrong format';
    case 'format':
      return `must be a valid ${String(params.format)}`;
    default:
      return message ?? 'is not valid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
