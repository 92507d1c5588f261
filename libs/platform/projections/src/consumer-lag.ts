import type { Admin } from 'kafkajs';

/** Messages a consumer group has yet to commit on these topics (what's below `low` no longer exists). */
export const consumerGroupLag = async (admin: Admin, groupId: string, topics: readonly string[]): Promise<number> => {
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
