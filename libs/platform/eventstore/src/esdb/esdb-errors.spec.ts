import {
  AccessDeniedError,
  DeadlineExceededError,
  NO_STREAM,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import { isStreamNotFound, isTransientEsdbError, isWrongExpectedVersion, toWrongExpectedRevision } from './esdb-errors';

const conflict = (current: bigint | typeof NO_STREAM) =>
  new WrongExpectedVersionError(undefined, { streamName: 'order-1', current, expected: 3n });

describe('EventStoreDB error mapping', () => {
  it('retries only when the server was unreachable or too slow', () => {
    expect(isTransientEsdbError(new UnavailableError())).toBe(true);
    expect(isTransientEsdbError(new DeadlineExceededError())).toBe(true);
    expect(isTransientEsdbError(Object.assign(new Error('raw grpc'), { code: 14 }))).toBe(true);

    expect(isTransientEsdbError(conflict(2n))).toBe(false);
    expect(isTransientEsdbError(new AccessDeniedError())).toBe(false);
    expect(isTransientEsdbError(new UnknownError())).toBe(false);
    expect(isTransientEsdbError(new Error('Breaker is open'))).toBe(false);
    expect(isTransientEsdbError(undefined)).toBe(false);
  });

  it('maps a conflict on an existing stream to WrongExpectedRevision with its actual revision', () => {
    const mapped = toWrongExpectedRevision(conflict(5n), 'order-1', 3);

    expect(mapped).toBeInstanceOf(WrongExpectedRevision);
    expect(mapped).toMatchObject({ streamId: 'order-1', expected: 3, actual: 5 });
  });

  it("maps a conflict on a missing stream to actual 'no_stream'", () => {
    expect(toWrongExpectedRevision(conflict(NO_STREAM), 'order-1', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('recognises the conflict and a missing stream, and nothing else', () => {
    expect(isWrongExpectedVersion(conflict(1n))).toBe(true);
    expect(isWrongExpectedVersion(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'order-1'))).toBe(true);
    expect(isStreamNotFound(conflict(1n))).toBe(false);
  });
});
