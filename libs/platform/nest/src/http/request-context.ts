import { createHash, randomUUID } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@meridian/platform/eventsourcing';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { FieldError } from './problem-details';
import { IdentityMissing, RequestValidationFailed } from './problem-details';
import { canonicalJson } from './canonical-json';
import { printableTokenRule, satisfies } from './input-rules';
import type { RequestHeaderRule } from './request-headers';
import { correlationIdHeader, idempotencyKeyHeader, ifMatchHeader, tenantIdHeader, userIdHeader } from './request-headers';
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

const revisionInETag = /"([0-9]+)"/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

export const parseCommandRequest = (request: FastifyRequest): CommandRequest => {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `header:${field}`, messages: [message] });

  const checked = (rule: RequestHeaderRule): string | undefined => {
    const value = header(request, rule.name);
    if (value === undefined) {
      if (rule.required) fail(rule.name, 'is required');
    } else if (!satisfies(rule, value)) fail(rule.name, rule.message);
    return value;
  };
  const tenantId = checked(tenantIdHeader);
  const actorId = checked(userIdHeader);
  // Who acts for whom comes first: without it nothing else is worth judging (401, not 400).
  if (errors.length > 0) throw new IdentityMissing(errors);
  const idempotencyKey = checked(idempotencyKeyHeader);
  const ifMatch = checked(ifMatchHeader);
  if (errors.length > 0) throw new RequestValidationFailed(errors);
  const pinnedRevision = ifMatch === undefined || ifMatch === '*' ? undefined : Number(revisionInETag.exec(ifMatch)![1]);

  const suppliedCorrelation = header(request, correlationIdHeader.name);
  // The request's span (or, untraced, the caller's traceparent): an unreadable one is dropped, not rejected,
  // as W3C Trace Context says to restart the trace.
  const traceparent = requestTraceparent(request);
  const commandId = idempotencyKey
    ? deterministicUuid(tenantId!, request.method, request.url, idempotencyKey)
    : randomUUID();
  const context: CommandContext = {
    tenantId: tenantId!,
    actorId: actorId!,
    correlationId: suppliedCorrelation && satisfies(printableTokenRule, suppliedCorrelation) ? suppliedCorrelation : commandId,
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

/** Handler parameter: the validated command context of this request. */
export const CommandRequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandRequest =>
  parseCommandRequest(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** Handler parameter for queries: only the tenant matters. */
export const TenantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const tenantId = header(ctx.switchToHttp().getRequest<FastifyRequest>(), tenantIdHeader.name);
  if (tenantId === undefined || !satisfies(tenantIdHeader, tenantId)) {
    throw new IdentityMissing([{ field: `header:${tenantIdHeader.name}`, messages: [tenantId === undefined ? 'is required' : tenantIdHeader.message] }]);
  }
  return tenantId;
});
