import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { positionRule, satisfies } from './input-rules';
import { RequestValidationFailed } from './problem-details';
import { documentedHeader, minPositionHeader } from './request-headers';

/**
 * The position asked for is above the event store's newest one: no command has
 * answered it, so no wait could reach it. The request is well formed but
 * refers to a state that does not exist (409), unlike a lagging read model (503).
 */
export class PositionNotIssued extends Error {
  override readonly name = 'PositionNotIssued';
  constructor(readonly minPosition: number, readonly headPosition: number) {
    super(`${minPosition} is beyond the newest position in the event store (${headPosition}): no command has answered it`);
  }
}

/** The read model did not reach the requested position within the wait bound. */
export class ReadModelBehind extends Error {
  override readonly name = 'ReadModelBehind';
  constructor(
    readonly readModel: string,
    readonly minPosition: number,
    readonly waitedMs: number,
  ) {
    super(`${readModel} has not yet applied position ${minPosition} (waited ${waitedMs} ms); retry shortly`);
  }
}

/** The read store (MongoDB) failed or its breaker is open: answered 503 with Retry-After, never a stale guess. */
export class ReadStoreUnavailable extends Error {
  override readonly name = 'ReadStoreUnavailable';
  constructor(
    readonly readModel: string,
    /** For the log only: driver messages name hosts and addresses that clients need not see. */
    readonly reason: unknown,
  ) {
    super(`${readModel} cannot be read right now; retry shortly`);
  }
}


/**
 * The minimum global position a query must reflect: `X-Min-Position` header
 * or `minPosition` query parameter (the `position` a command answered with).
 * Both given and different is a client bug, answered 400 rather than guessed.
 */
export const parseMinPosition = (request: FastifyRequest): number | undefined => {
  const fromHeader = request.headers[minPositionHeader.name.toLowerCase()];
  const headerValue = Array.isArray(fromHeader) ? fromHeader[0] : fromHeader;
  const queryValue = (request.query as Record<string, unknown> | undefined)?.minPosition;
  const errors = [];
  const parse = (field: string, raw: unknown): number | undefined => {
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !satisfies(positionRule, raw)) {
      errors.push({ field, messages: [positionRule.message] });
      return undefined;
    }
    return Number(raw);
  };
  const header = parse('header:X-Min-Position', headerValue);
  const query = parse('query:minPosition', queryValue);
  if (header !== undefined && query !== undefined && header !== query) {
    errors.push({ field: 'query:minPosition', messages: ['differs from the X-Min-Position header; send one of them'] });
  }
  if (errors.length > 0) throw new RequestValidationFailed(errors);
  return header ?? query;
};

export const MinPosition = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseMinPosition(context.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * Polls until `reached(position)`, or gives up after `maxWaitMs` with
 * `ReadModelBehind` (503 + Retry-After). A position above the event store's
 * newest one was never returned by a command: waiting could only time out,
 * so it is `PositionNotIssued` (409) at once. The interval starts short (a write usually lands
 * within tens of milliseconds) and doubles up to 250 ms, so a long wait does
 * not hammer the read store and Kafka.
 */
export const awaitReadModelPosition = async (
  readModel: string,
  progress: Readonly<{ reached: (position: number) => Promise<boolean>; storeHead: () => Promise<number> }>,
  position: number | undefined,
  maxWaitMs: number,
  firstIntervalMs = 10,
): Promise<void> => {
  if (position === undefined || (await progress.reached(position))) return;
  const head = await progress.storeHead();
  if (position > head) throw new PositionNotIssued(position, head);
  const startedAt = Date.now();
  for (let interval = firstIntervalMs; ; interval = Math.min(interval * 2, 250)) {
    const waited = Date.now() - startedAt;
    if (waited >= maxWaitMs) throw new ReadModelBehind(readModel, position, waited);
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, maxWaitMs - waited)));
    if (await progress.reached(position)) return;
  }
};

/** OpenAPI for the read-your-writes inputs of a read-model query. */
export const ReadYourWrites = () =>
  applyDecorators(
    documentedHeader(minPositionHeader),
    ApiQuery({ name: 'minPosition', required: false, schema: positionRule.schema, description: 'Same as X-Min-Position' }),
  );
