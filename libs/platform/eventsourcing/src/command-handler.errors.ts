/** The caller pinned a revision (If-Match) and the stream has moved on. */
export class StaleRevision extends Error {
  constructor(readonly streamId: string, readonly pinned: number, readonly actual: number | 'no_stream') {
    super(`Stream ${streamId} is at revision ${String(actual)}, not ${pinned}`);
    this.name = 'StaleRevision';
  }
}

/** Other writers kept winning the race for this stream; the caller may retry later. */
export class ConcurrencyRetriesExhausted extends Error {
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`Stream ${streamId}: gave up after ${attempts} concurrent-write conflicts`);
    this.name = 'ConcurrencyRetriesExhausted';
  }
}

/** The Idempotency-Key was already used with a different request. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency-Key "${idempotencyKey}" was already used with a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}
