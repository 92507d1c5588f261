import { createHash, randomUUID } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@meridian/platform/eventsourcing';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { FieldError } from './problem-details';
import { RequestValidationFailed } from './problem-details';
import { noteRequestContext, requestTraceparent } from './request-telemetry';

/**
 * Tenant and actor come from headers until real authentication lands
 * (X-Tenant-Id, X-User-Id); everything here is stamped into event metadata by
 * infrastructure so domain code never sees ambient context.
 */
export type CommandRequest = Readonly<{
  context: CommandContext;
  /** Parsed If-Match; undefined when absent or `*`. */
  pinnedRevision?: number;
}>;

const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const printable = /^[\x21-\x7e]{1,255}$/;
const ifMatchPattern = /^(?:W\/)?"(\d{1,15})"$/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

export const parseCommandRequest = (request: FastifyRequest): CommandRequest => {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `header:${field}`, messages: [message] });

  const tenantId = header(request, 'X-Tenant-Id');
  if (!tenantId) fail('X-Tenant-Id', 'is required');
  else if (!tenantPattern.test(tenantId)) fail('X-Tenant-Id', 'must be 1-64 letters, digits, dot, dash or underscore');

  const actorId = header(request, 'X-User-Id');
  if (!actorId) fail('X-User-Id', 'is required');
  else if (!printable.test(actorId)) fail('X-User-Id', 'must be 1-255 printable ASCII characters');

  const idempotencyKey = header(request, 'Idempotency-Key');
  if (idempotencyKey !== undefined && !printable.test(idempotencyKey)) {
    fail('Idempotency-Key', 'must be 1-255 printable ASCII characters');
  }

  const ifMatch = header(request, 'If-Match')?.trim();
  let pinnedRevision: number | undefined;
  if (ifMatch !== undefined && ifMatch !== '*') {
    const match = ifMatchPattern.exec(ifMatch);
    if (match) pinnedRevision = Number(match[1]);
    else fail('If-Match', 'must be an ETag from this API, e.g. W/"3"');
  }
  if (errors.length > 0) throw new RequestValidationFailed(errors);

  const suppliedCorrelation = header(request, 'X-Correlation-Id');
  // The request's span (or, untraced, the caller's traceparent): an unreadable one is dropped, not rejected,
  // as W3C Trace Context says to restart the trace.
  const traceparent = requestTraceparent(request);
  const commandId = idempotencyKey
    ? deterministicUuid(tenantId!, request.method, request.url, idempotencyKey)
    : randomUUID();
  const context: CommandContext = {
    tenantId: tenantId!,
    actorId: actorId!,
    correlationId: suppliedCorrelation && printable.test(suppliedCorrelation) ? suppliedCorrelation : commandId,
    causationId: commandId,
    ...(traceparent ? { traceparent } : {}),
    ...(idempotencyKey ? { idempotencyKey, requestHash: requestHash(request) } : {}),
  };
  noteRequestContext(request, { correlationId: context.correlationId, tenantId: context.tenantId });
  return pinnedRevision === undefined ? { context } : { context, pinnedRevision };
};

/** Same key + same hash = a retry; same key + other hash = a misuse (422). */
const requestHash = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('base64url');

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Handler parameter: the validated command context of this request. */
export const CommandRequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandRequest =>
  parseCommandRequest(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** Handler parameter for queries: only the tenant matters. */
export const TenantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const tenantId = header(ctx.switchToHttp().getRequest<FastifyRequest>(), 'X-Tenant-Id');
  if (!tenantId || !tenantPattern.test(tenantId)) {
    throw new RequestValidationFailed([{ field: 'header:X-Tenant-Id', messages: [tenantId ? 'is malformed' : 'is required'] }]);
  }
  return tenantId;
});
