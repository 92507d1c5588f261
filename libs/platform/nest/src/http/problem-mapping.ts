import { HttpException, HttpStatus } from '@nestjs/common';
import {
  AggregateNotFound,
  BusinessRuleViolation,
  ConcurrencyRetriesExhausted,
  IdempotencyKeyReused,
  PartialDuplicateAppend,
  StaleRevision,
  WrongExpectedRevision,
} from '@meridian/platform/eventsourcing';
import type { ProblemDetails } from './problem-details';
import { RequestValidationFailed, problem } from './problem-details';

/**
 * The one place where failures become HTTP answers. Domain and core code throw
 * typed errors and stay unaware of HTTP; every response here is problem+json.
 */
export const toProblem = (error: unknown): ProblemDetails => {
  if (error instanceof RequestValidationFailed) {
    return problem(400, 'validation-failed', 'The request is not valid', error.message, { errors: error.errors });
  }
  if (error instanceof AggregateNotFound) {
    return problem(404, 'not-found', 'Resource not found', 'No such resource for this tenant');
  }
  if (error instanceof BusinessRuleViolation) {
    return problem(409, error.code, 'Business rule violated', error.message, error.details);
  }
  if (error instanceof StaleRevision) {
    return problem(412, 'stale-revision', 'The resource has changed', error.message, {
      currentRevision: error.actual === 'no_stream' ? null : error.actual,
    });
  }
  if (error instanceof IdempotencyKeyReused) {
    return problem(422, 'idempotency-key-reused', 'Idempotency-Key already used', error.message);
  }
  if (error instanceof PartialDuplicateAppend) {
    return problem(422, 'idempotency-key-reused', 'Idempotency-Key already used', error.message);
  }
  if (error instanceof ConcurrencyRetriesExhausted || error instanceof WrongExpectedRevision) {
    return problem(409, 'concurrent-modification', 'Concurrent modification', `${error.message}; retry the request`);
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const fastify = fromFastifyError(error);
  if (fastify) return fastify;
  return problem(500, 'internal-error', 'Internal server error', 'The request failed unexpectedly; it has been logged');
};

const fromHttpException = (error: HttpException): ProblemDetails => {
  const status = error.getStatus();
  const code = status === HttpStatus.NOT_FOUND ? 'not-found' : `http-${status}`;
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'error';
  return problem(status, code, title.charAt(0).toUpperCase() + title.slice(1), error.message);
};

/** Errors Fastify raises before a route runs: unreadable bodies, wrong media types, oversize payloads. */
const fromFastifyError = (error: unknown): ProblemDetails | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode, message } = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') return undefined;
  const text = typeof message === 'string' ? message : code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem(415, 'unsupported-media-type', 'Unsupported media type', `${text}; send application/json`);
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'payload-too-large', 'Payload too large', text);
  if (statusCode >= 400 && statusCode < 500) return problem(statusCode, 'malformed-request', 'Malformed request', text);
  return undefined;
};
