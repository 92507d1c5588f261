import type { CommandError } from '@kurrent/kurrentdb-client';
import { ErrorType, WrongExpectedVersionError, isCommandError } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import { fromCurrentStreamState } from './esdb-expected-revision';

const isClientError = (error: unknown): error is CommandError => error instanceof Error && isCommandError(error);

/** gRPC status codes the client may surface unconverted (UNAVAILABLE, DEADLINE_EXCEEDED). */
const transientGrpcCodes: ReadonlySet<number> = new Set([14, 4]);
const transientTypes: ReadonlySet<string> = new Set([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED]);

/**
 * Failures worth another attempt: the server could not be reached or did not
 * answer in time. Retrying an append after a deadline is safe only because
 * appends are idempotent by event id (the adapter re-reads before it writes).
 * Everything else (conflicts, access denied, bad arguments) is a real answer.
 */
export const isTransientEsdbError = (error: unknown): boolean => {
  if (isClientError(error)) return transientTypes.has(error.type);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && transientGrpcCodes.has(code);
};

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError =>
  error instanceof WrongExpectedVersionError || (isClientError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION);

export const isStreamNotFound = (error: unknown): boolean =>
  isClientError(error) && error.type === ErrorType.STREAM_NOT_FOUND;

/** The server's conflict in the port's terms, keeping what the caller expected and what the stream actually is at. */
export const toWrongExpectedRevision = (
  error: WrongExpectedVersionError,
  streamId: string,
  expected: ExpectedRevision,
): WrongExpectedRevision => new WrongExpectedRevision(streamId, expected, fromCurrentStreamState(error.actualState));
