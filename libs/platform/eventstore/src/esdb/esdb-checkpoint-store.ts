import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, NO_STREAM } from '@kurrent/kurrentdb-client';
import type { CheckpointStore } from '../checkpoint/checkpoint-store.port';
import type { EsdbClient } from './esdb-client.port';
import { isWrongExpectedVersion } from './esdb-errors';
import { checkpointCategory } from './esdb-feed-filter';

const checkpointSaved = 'CheckpointSaved';

/** Same rule and message as the port's own assertion (checkpoint-store.port.ts), which its library does not export. */
const assertValidPosition = (position: number): void => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`Checkpoint position must be a whole number >= 0, got ${String(position)}`);
  }
};

export const checkpointStreamOf = (name: string): string => `${checkpointCategory}-${name}`;

/**
 * Checkpoints as one stream per name, `relaycheckpoint-<name>`, whose last event
 * holds the position. The stream keeps only its newest event (`$maxCount` 1),
 * and the feed filter leaves these streams out. A save appends with the
 * revision it compared against, so two savers cannot interleave: the loser
 * re-reads and compares again, and a checkpoint never moves backwards.
 */
export class EsdbCheckpointStore implements CheckpointStore {
  constructor(private readonly client: EsdbClient) {}

  async load(name: string): Promise<number> {
    return (await this.last(name))?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    assertValidPosition(position);
    const streamId = checkpointStreamOf(name);
    for (;;) {
      const last = await this.last(name);
      if (last && last.position >= position) return;
      // Before the first event, so the stream never holds history.
      if (!last) await this.client.setStreamMaxCount(streamId, 1);
      const event = { id: randomUUID(), type: checkpointSaved, data: { position }, metadata: {} };
      try {
        await this.client.append(streamId, [event], last ? last.revision : NO_STREAM);
        return;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
      }
    }
  }

  /** Closes the connection it was opened with (not part of the port: the relay owns the lifecycle). */
  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async last(name: string): Promise<{ position: number; revision: bigint } | undefined> {
    const streamId = checkpointStreamOf(name);
    const [event] = await this.client.readStream(streamId, { from: END, direction: BACKWARDS, maxCount: 1 });
    if (!event) return undefined;
    const position = (event.data as { position?: unknown } | null)?.position;
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
      throw new Error(`Checkpoint stream ${streamId}: its last event holds no valid position`);
    }
    return { position, revision: event.revision };
  }
}
