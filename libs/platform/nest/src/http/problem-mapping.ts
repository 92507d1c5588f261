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
import { IdentityMissing, RequestValidationFailed, problem } from './problem-details';
import { PositionNotIssued, ReadModelBehind, ReadStoreUnavailable } from './read-your-writes';
import { MethodNotAllowed } from './method-not-allowed';

/**
 * The one place where failures become HTTP answers. Domain and core code throw
 * typed errors and stay unaware of HTTP; every response here is problem+json.
 */
export const toProblem = (error: unknown): ProblemDetails => {
  if (error instanceof IdentityMissing) {
    return problem(401, 'identity-missing', 'Tenant or user not identified', error.message, { errors: error.errors });
  }
  if (error instanceof RequestValidationFailed) {
    return problem(400, 'validation-failed', 'The request is not valid', error.message, { errors: error.errors });
  }
  if (error instanceof PositionNotIssued) {
    return problem(409, 'position-not-issued', 'No command has answered this position', error.message, { minPosition: error.minPosition, headPosition: error.headPosition });
  }
  if (error instanceof MethodNotAllowed) {
    return problem(405, 'method-not-allowed', 'Method not allowed', error.message, { allowed: error.allowed });
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
  if (error instanceof ReadModelBehind) {
    return problem(503, 'read-model-behind', 'Read model not caught up yet', error.message, { minPosition: error.minPosition, readModel: error.readModel });
  }
  if (error instanceof ReadStoreUnavailable) {
    return problem(503, 'read-store-unavailable', 'Read store unavailable', error.message, { readModel: error.readModel });
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return problem(500, 'internal-error', 'Internal server error', 'The request failed unexpectedly; it has been logged');
};

/**
 * Nest hands over Fastify's own refusals (unreadable JSON, wrong media type,
 * oversize body, unknown route) as plain HttpExceptions: the status is all
 * that is left to classify them by.
 */
const codeByStatus: Readonly<Record<number, string>> = {
  400: 'malformed-request',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

const fromHttpException = (error: HttpException): ProblemDetails => {
  const status = error.getStatus();
  const response = error.getResponse();
  // A failed readiness check (terminus): name what is down, that is what the operator needs.
  if (status === HttpStatus.SERVICE_UNAVAILABLE && typeof response === 'object' && response !== null && 'details' in response) {
    return problem(503, 'not-ready', 'Not ready', 'A dependency this service needs is unavailable (see checks)', { checks: (response as { details: unknown }).details });
  }
  const code = codeByStatus[status] ?? `http-${status}`;
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'error';
  const detail = status === HttpStatus.UNSUPPORTED_MEDIA_TYPE ? `${error.message}; send application/json` : error.message;
  const extensions = status === HttpStatus.BAD_REQUEST ? { errors: [{ field: 'body', messages: [error.message] }] } : {};
  return problem(status, code, title.charAt(0).toUpperCase() + title.slice(1), detail, extensions);
};
