import type { Admin } from 'kafkajs';

/** Messages a consumer group has yet to commit on these topics (what's below `low` no longer exists). */
export const consumerGroupLag = async (admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>, groupId: string, topics: readonly string[]): Promise<number> => {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  let lag = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const at = Number(offsets.find((p) => p.partition === end.partition)?.offset ?? -1);
      lag += Number(end.high) - Math.max(at, Number(end.low));
    }
  }
  return lag;
};

/** Whether any member is still in the group (an instance that has not yet followed a swap). */
export const groupHasMembers = async (admin: Admin, groupId: string): Promise<boolean> => {
  const { groups } = await admin.describeGroups([groupId]);
  return groups.some((group) => group.members.length > 0);
};

/** The remedy is the same whichever partition: rebuild from the event store, which keeps everything. */
export class RetentionGap extends Error {
  override readonly name = 'RetentionGap';
}

/**
 * Refuses to feed a read model from a topic that no longer holds what the
 * group has not consumed: a new group on a topic whose oldest messages were
 * deleted by retention, or a group left behind that long. Consuming anyway
 * would silently miss events (kafkajs jumps to the oldest offset).
 */
export const assertNoRetentionGap = async (admin: Admin, groupId: string, topics: readonly string[]): Promise<void> => {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const gaps: string[] = [];
  for (const topic of topics) {
    const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of await admin.fetchTopicOffsets(topic)) {
      const at = Number(offsets.find((p) => p.partition === end.partition)?.offset ?? -1);
      const oldest = Number(end.low);
      if (oldest > Math.max(at, 0)) gaps.push(`${topic}[${end.partition}] starts at ${oldest}, group at ${at < 0 ? 'nothing' : at}`);
    }
  }
  if (gaps.length > 0) {
    throw new RetentionGap(`${groupId} would miss events already deleted from Kafka (${gaps.join('; ')}); rebuild the read model from the event store first`);
  }
};
