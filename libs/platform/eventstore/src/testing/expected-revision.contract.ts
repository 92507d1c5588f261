import type { AppendResult, ExpectedRevision } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import type { StoreProvider } from './event-store-contract.fixtures';
import { headReaching, newEvents, uniqueStreamId } from './event-store-contract.fixtures';

export const describeExpectedRevision = (store: StoreProvider): void => {
  /** A stream at revision 1 (two events). */
  const existingStream = async (): Promise<string> => {
    const streamId = uniqueStreamId();
    await store().appendToStream(streamId, newEvents(2), 'no_stream');
    return streamId;
  };

  const expectConflict = async (
    streamId: string,
    expected: ExpectedRevision,
    actual: number | 'no_stream',
  ): Promise<void> => {
    const before = await store().readStream(streamId);
    const append = store().appendToStream(streamId, newEvents(1), expected);
    await expect(append).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(append).rejects.toMatchObject({ streamId, expected, actual });
    expect(await store().readStream(streamId)).toEqual(before);
  };

  const expectAccepted = async (streamId: string, expected: ExpectedRevision, revision: number): Promise<AppendResult> => {
    const result = await store().appendToStream(streamId, newEvents(1), expected);
    expect(result.nextExpectedRevision).toBe(revision);
    expect((await store().readStream(streamId)).map((event) => event.revision).at(-1)).toBe(revision);
    return result;
  };

  describe('expected revision', () => {
    it("'no_stream' accepts a new stream and rejects an existing one", async () => {
      await expectAccepted(uniqueStreamId(), 'no_stream', 0);
      await expectConflict(await existingStream(), 'no_stream', 1);
    });

    it('a number accepts exactly the last revision', async () => {
      const streamId = await existingStream();
      await expectConflict(streamId, 0, 1);
      await expectConflict(streamId, 2, 1);
      await expectConflict(streamId, -1, 1);
      await expectAccepted(streamId, 1, 2);
    });

    it('a number rejects a stream that does not exist', async () => {
      await expectConflict(uniqueStreamId(), 0, 'no_stream');
    });

    it("'stream_exists' accepts any revision of an existing stream and rejects a missing one", async () => {
      await expectConflict(uniqueStreamId(), 'stream_exists', 'no_stream');
      await expectAccepted(await existingStream(), 'stream_exists', 2);
    });

    it("'any' accepts both a missing and an existing stream", async () => {
      await expectAccepted(uniqueStreamId(), 'any', 0);
      await expectAccepted(await existingStream(), 'any', 2);
    });

    it('a rejected append stores nothing, not even part of its batch', async () => {
      const streamId = uniqueStreamId();
      const { lastPosition } = await store().appendToStream(streamId, newEvents(2), 'no_stream');
      expect(await headReaching(store(), lastPosition)).toBe(lastPosition);

      await expect(store().appendToStream(streamId, newEvents(3), 5)).rejects.toBeInstanceOf(WrongExpectedRevision);

      expect(await store().readStream(streamId)).toHaveLength(2);
      expect(await store().headPosition()).toBe(lastPosition);
    });
  });
};
