/**
 * Where a feed reader (the relay) records how far it has got in the global
 * feed. Guarantees every adapter honours (checked by one contract suite):
 * - `load` of a name never saved is 0 (the feed's "from the start");
 * - a checkpoint never moves backwards: saving a lower position than the
 *   stored one changes nothing, so a slow, stale writer cannot rewind it;
 * - a resolved `save` is durable as far as the backing store is.
 */
export interface CheckpointStore {
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}

export const assertValidPosition = (position: number): void => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`Checkpoint position must be a whole number >= 0, got ${String(position)}`);
  }
};
