import type { AppendStreamState, CurrentStreamState } from '@kurrent/kurrentdb-client';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '@meridian/platform/eventsourcing';

/**
 * Our expected revision as the server's stream state, or `undefined` when no
 * stream can ever be at that revision (negative, fractional or unsafe numbers).
 * Those must not reach the server: `-1` there would mean NO_STREAM and accept a
 * new stream, whereas every other adapter refuses it as a plain mismatch.
 */
export const toAppendStreamState = (expected: ExpectedRevision): AppendStreamState | undefined => {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return Number.isSafeInteger(expected) && expected >= 0 ? BigInt(expected) : undefined;
  }
};

/** A stream revision from the server (uint64) as the port's number, refusing what a number cannot hold exactly. */
export const toRevision = (revision: bigint): number => {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB stream revision ${revision} is outside 0..Number.MAX_SAFE_INTEGER`);
  }
  return Number(revision);
};

/** The server's view of a stream's current state (as in WrongExpectedVersionError) in the port's terms. */
export const fromCurrentStreamState = (state: CurrentStreamState): number | 'no_stream' =>
  // Soft-deleted and tombstoned streams report negative revisions (-5, -6): for the port they have no events.
  state === NO_STREAM || state < 0n ? 'no_stream' : toRevision(state);
