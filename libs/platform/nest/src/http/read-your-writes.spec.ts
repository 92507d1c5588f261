import type { FastifyRequest } from 'fastify';
import { RequestValidationFailed } from './problem-details';
import { PositionNotIssued, ReadModelBehind, awaitReadModelPosition, parseMinPosition } from './read-your-writes';

const requestWith = (headers: Record<string, string | string[]>, query: Record<string, unknown> = {}): FastifyRequest =>
  ({ headers, query, method: 'GET', url: '/api/v1/opportunities' }) as unknown as FastifyRequest;

const fieldErrorsOf = (request: FastifyRequest): readonly { field: string; messages: readonly string[] }[] => {
  try {
    parseMinPosition(request);
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected RequestValidationFailed');
};
const fieldsOf = (request: FastifyRequest) => fieldErrorsOf(request).map((e) => e.field);

describe('parseMinPosition', () => {
  it('is undefined when neither the header nor the parameter is given', () => {
    expect(parseMinPosition(requestWith({}))).toBeUndefined();
    expect(parseMinPosition({ headers: {} } as unknown as FastifyRequest)).toBeUndefined();
  });

  it('reads the X-Min-Position header', () => {
    expect(parseMinPosition(requestWith({ 'x-min-position': '42' }))).toBe(42);
    expect(parseMinPosition(requestWith({ 'x-min-position': '0' }))).toBe(0);
  });

  it('reads the minPosition query parameter', () => {
    expect(parseMinPosition(requestWith({}, { minPosition: '17' }))).toBe(17);
  });

  it('accepts both when they agree', () => {
    expect(parseMinPosition(requestWith({ 'x-min-position': '9' }, { minPosition: '9' }))).toBe(9);
  });

  it('refuses both when they differ, naming the query parameter', () => {
    const errors = fieldErrorsOf(requestWith({ 'x-min-position': '9' }, { minPosition: '10' }));
    expect(errors).toEqual([{ field: 'query:minPosition', messages: [expect.stringContaining('X-Min-Position')] }]);
  });

  it.each(['abc', '-1', '1.5', '1e3', ' 7', '', '1234567890123456'])('refuses the header %p, naming it', (value) => {
    expect(fieldsOf(requestWith({ 'x-min-position': value }))).toEqual(['header:X-Min-Position']);
  });

  it.each(['abc', '-1', '1.5', '1234567890123456'])('refuses the parameter %p, naming it', (value) => {
    expect(fieldsOf(requestWith({}, { minPosition: value }))).toEqual(['query:minPosition']);
  });

  it('accepts the longest position allowed (15 digits)', () => {
    expect(parseMinPosition(requestWith({ 'x-min-position': '999999999999999' }))).toBe(999_999_999_999_999);
  });

  it('refuses a repeated parameter, and reads the first of repeated headers', () => {
    expect(fieldsOf(requestWith({}, { minPosition: ['1', '2'] }))).toEqual(['query:minPosition']);
    expect(parseMinPosition(requestWith({ 'x-min-position': ['5', '6'] }))).toBe(5);
  });

  it('names both when both are malformed', () => {
    expect(fieldsOf(requestWith({ 'x-min-position': 'x' }, { minPosition: 'y' }))).toEqual(['header:X-Min-Position', 'query:minPosition']);
  });
});

describe('awaitReadModelPosition', () => {
  /** `reached` turns true on the n-th call. */
  const reachedOnCall = (n: number) => {
    const calls: number[] = [];
    const reached = async (position: number) => {
      calls.push(position);
      return calls.length >= n;
    };
    // The store has handed out positions up to 100.
    return { progress: { reached, storeHead: async () => 100 }, calls };
  };

  it('returns at once without asking when no position is wanted', async () => {
    const { progress, calls } = reachedOnCall(1);
    await awaitReadModelPosition('opportunity-list', progress, undefined, 1_000);
    expect(calls).toEqual([]);
  });

  it('asks once when the position is already reached', async () => {
    const { progress, calls } = reachedOnCall(1);
    await awaitReadModelPosition('opportunity-list', progress, 12, 1_000);
    expect(calls).toEqual([12]);
  });

  it('polls until the read model reaches the position', async () => {
    const { progress, calls } = reachedOnCall(3);
    await awaitReadModelPosition('opportunity-list', progress, 12, 5_000, 1);
    expect(calls).toEqual([12, 12, 12]);
  });

  it('gives up after the wait bound with ReadModelBehind naming the read model and the position', async () => {
    const { progress, calls } = reachedOnCall(Number.POSITIVE_INFINITY);
    const failure = await awaitReadModelPosition('sales-funnel', progress, 77, 40, 5).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadModelBehind);
    expect(failure).toMatchObject({ readModel: 'sales-funnel', minPosition: 77 });
    expect((failure as ReadModelBehind).waitedMs).toBeGreaterThanOrEqual(40);
    expect((failure as ReadModelBehind).message).toContain('sales-funnel has not yet applied position 77');
    expect(calls.length).toBeGreaterThan(1);
  });

  it('with no wait allowed, asks once and fails at once', async () => {
    const { progress, calls } = reachedOnCall(Number.POSITIVE_INFINITY);
    await expect(awaitReadModelPosition('sales-funnel', progress, 77, 0)).rejects.toBeInstanceOf(ReadModelBehind);
    expect(calls).toEqual([77]);
  });

  it('refuses at once a position the event store never handed out, rather than waiting it out', async () => {
    const { progress, calls } = reachedOnCall(Number.POSITIVE_INFINITY);
    const failure = await awaitReadModelPosition('sales-funnel', progress, 101, 60_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PositionNotIssued);
    expect(failure).toMatchObject({ minPosition: 101, headPosition: 100, message: '101 is beyond the newest position in the event store (100): no command has answered it' });
    expect(calls).toEqual([101]);
  });
});
