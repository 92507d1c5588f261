import type { CheckpointStore } from '../checkpoint/checkpoint-store.port';

export type CheckpointStoreUnderTest = Readonly<{
  store: CheckpointStore;
  /** A second store over the same backing data, as after a process restart. */
  reopen: () => Promise<CheckpointStore>;
  cleanup: () => Promise<void>;
}>;

let nameCounter = 0;
const uniqueName = () => `relay-contract-${process.pid}-${Date.now()}-${nameCounter++}`;

/** One suite for every CheckpointStore adapter, memory included. */
export const describeCheckpointStoreContract = (label: string, open: () => Promise<CheckpointStoreUnderTest>, timeoutMs = 60_000): void => {
  describe(`checkpoint store contract: ${label}`, () => {
    let subject: CheckpointStoreUnderTest;
    beforeAll(async () => {
      subject = await open();
    }, timeoutMs);
    afterAll(() => subject?.cleanup());

    it('loads 0 for a name never saved', async () => {
      expect(await subject.store.load(uniqueName())).toBe(0);
    });

    it('loads what was saved, per name', async () => {
      const [a, b] = [uniqueName(), uniqueName()];
      await subject.store.save(a, 42);
      await subject.store.save(b, 7);
      await subject.store.save(a, 9_007_199_254_740_991);
      expect(await subject.store.load(a)).toBe(9_007_199_254_740_991);
      expect(await subject.store.load(b)).toBe(7);
    });

    it('never moves a checkpoint backwards', async () => {
      const name = uniqueName();
      await subject.store.save(name, 100);
      await subject.store.save(name, 99);
      await subject.store.save(name, 100);
      expect(await subject.store.load(name)).toBe(100);
    });

    it('refuses a position that is not a whole number >= 0', async () => {
      const name = uniqueName();
      await expect(subject.store.save(name, -1)).rejects.toThrow(RangeError);
      await expect(subject.store.save(name, 1.5)).rejects.toThrow(RangeError);
      expect(await subject.store.load(name)).toBe(0);
    });

    it('keeps checkpoints across a reopen', async () => {
      const name = uniqueName();
      await subject.store.save(name, 1234);
      const reopened = await subject.reopen();
      expect(await reopened.load(name)).toBe(1234);
    });
  });
};
