import type { Position, ReadPosition } from '@kurrent/kurrentdb-client';
import { START } from '@kurrent/kurrentdb-client';

/**
 * The port's global position is the event's commit position in the transaction
 * log, a byte offset: it increases strictly along `$all` but is not dense (the
 * port only promises "increasing"). Every event an append over gRPC writes
 * commits itself, so its commit and prepare positions are the same offset, and
 * one number identifies it exactly; that is what lets a number be turned back
 * into a read position. Events of an explicit TCP-era transaction share one
 * commit position: they cannot be told apart by a single number and are refused.
 */
export const toGlobalPosition = (position: Position | undefined, eventId: string): number => {
  if (position === undefined) {
    throw new Error(`Event ${eventId}: the server reported no log position (stream reads carry one from EventStoreDB 22.6 on)`);
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `Event ${eventId}: commit position ${position.commit} differs from prepare position ${position.prepare} ` +
        '(an explicit transaction); such events have no single global position',
    );
  }
  if (position.commit <= 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `Event ${eventId}: commit position ${position.commit} is outside 1..Number.MAX_SAFE_INTEGER (about 9 PB of log), ` +
        'so it cannot be a global position',
    );
  }
  return Number(position.commit);
};

/**
 * Where a forward read of `$all` starts for the port's exclusive `after`: the
 * log position `after` itself (the server includes it, the caller drops it).
 * Only 0 and positions this adapter returned are record boundaries; the store
 * resolves any other number before reading (see readFeed in esdb-feed.ts).
 */
export const toReadPosition = (after: number): ReadPosition => {
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new RangeError(`Feed checkpoint must be a whole number >= 0, got ${String(after)}`);
  }
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
};
