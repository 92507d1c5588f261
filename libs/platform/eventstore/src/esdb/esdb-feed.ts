import type { ReadPosition } from '@kurrent/kurrentdb-client';
import { BACKWARDS, END, FORWARDS } from '@kurrent/kurrentdb-client';
import type { ReadAllOptions, RecordedEvent } from '@meridian/platform/eventsourcing';
import type { EsdbClient } from './esdb-client.port';
import { isTransientEsdbError } from './esdb-errors';
import { toGlobalPosition, toReadPosition } from './esdb-position';
import { toRecordedEvent } from './esdb-recorded-event';

const scanPageSize = 512;

/**
 * The port's global feed over `$all`, filtered on the server by stream name.
 * No late commit can be skipped: the log has a single writer, positions are
 * assigned in commit order, and `$all` reads return only what is already
 * committed and indexed, so nothing can later appear below a position a
 * reader has passed (reads go to the leader, see kurrentdb-client.ts).
 */
export const readFeed = async (client: EsdbClient, streamRegex: string, { after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> => {
  const from = toReadPosition(after);
  if (!(maxCount > 0)) return [];
  let page;
  try {
    // The server's start is inclusive: one extra event covers the one at `after` itself.
    page = await client.readAll({ from, direction: FORWARDS, maxCount: maxCount + (after > 0 ? 1 : 0), streamRegex });
  } catch (error) {
    if (after === 0 || isTransientEsdbError(error)) throw error;
    // The server refuses to start mid-record ("invalid position"): `after` is not a
    // position this store returned (a hand-made checkpoint, or one from another store).
    const start = await firstPositionAfter(client, streamRegex, after);
    if (start === undefined) return [];
    page = await client.readAll({ from: { commit: start, prepare: start }, direction: FORWARDS, maxCount, streamRegex });
  }
  return page
    .map((stored) => toRecordedEvent(stored).event)
    .filter((event) => event.globalPosition > after)
    .slice(0, maxCount);
};

/** The last position the feed can return: the newest matching event's, or 0. */
export const feedHead = async (client: EsdbClient, streamRegex: string): Promise<number> => {
  const [last] = await client.readAll({ from: END, direction: BACKWARDS, maxCount: 1, streamRegex });
  return last ? toGlobalPosition(last.position, last.id) : 0;
};

/**
 * The oldest matching event's log position above `after`, found by reading
 * backwards from the head (backward reads start from valid positions only).
 * Costs a scan of everything newer than `after`: a one-off for a foreign checkpoint.
 */
const firstPositionAfter = async (client: EsdbClient, streamRegex: string, after: number): Promise<bigint | undefined> => {
  let from: ReadPosition = END;
  let oldest: bigint | undefined;
  for (;;) {
    const page = await client.readAll({ from, direction: BACKWARDS, maxCount: scanPageSize, streamRegex });
    for (const stored of page) {
      const position = toGlobalPosition(stored.position, stored.id);
      if (position <= after) return oldest;
      oldest = BigInt(position);
    }
    if (page.length < scanPageSize || oldest === undefined) return oldest;
    from = { commit: oldest, prepare: oldest };
  }
};
