import type { CheckpointStore } from './checkpoint-store.port';
import { assertValidPosition } from './checkpoint-store.port';

/** In-process checkpoints for unit tests; lost on exit. */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number> {
    return this.positions.get(name) ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    assertValidPosition(position);
    this.positions.set(name, Math.max(position, this.positions.get(name) ?? 0));
  }
}
