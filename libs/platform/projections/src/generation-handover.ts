import type { Admin } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { groupHasMembers } from './consumer-lag';
import type { RunningProjection } from './projection-consumer';
import { generationGroupId, openMongooseReadModelStorage } from './read-model-generations';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const memberCount = async (admin: Admin, groupId: string): Promise<number> =>
  (await admin.describeGroups([groupId])).groups.reduce((sum, group) => sum + group.members.length, 0);

/**
 * Keeps the rebuild's consumer in the new generation's group until a live
 * instance has joined it (or `waitMs` passed, e.g. when none runs), so the
 * freshly swapped-in model never stands still in between.
 */
export const handOver = async (admin: Admin, groupId: string, consumer: RunningProjection, waitMs: number): Promise<void> => {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && (await memberCount(admin, groupId)) < 2) await sleep(250);
  await consumer.stop();
};

export type RetireOptions = Readonly<{
  admin: Admin;
  connection: Connection;
  definition: Readonly<{ projection: Readonly<{ readModel: string }> }>;
  topicPrefix?: string;
  log: StructuredLog;
  generation: number;
  waitMs: number;
  graceMs: number;
}>;

/**
 * Drops an old generation once no instance consumes it. "No member" must
 * hold twice, `graceMs` apart: an instance that read the pointer just before
 * the swap may still be on its way into the old group. If it never empties,
 * the generation is left for the operator (logged) rather than pulled from
 * under a running consumer.
 */
export const retireGeneration = async (options: RetireOptions): Promise<boolean> => {
  const readModel = options.definition.projection.readModel;
  const group = generationGroupId(readModel, options.generation, options.topicPrefix);
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (!(await groupHasMembers(options.admin, group))) {
      await sleep(options.graceMs);
      if (!(await groupHasMembers(options.admin, group))) break;
    }
    if (Date.now() > deadline) {
      options.log('warn', 'old generation still consumed; left in place for the operator to remove', { readModel, generation: options.generation, group });
      return false;
    }
    await sleep(500);
  }
  await openMongooseReadModelStorage(options.connection, readModel, options.generation).drop();
  await options.admin.deleteGroups([group]).catch(() => undefined);
  options.log('info', 'old generation removed', { readModel, generation: options.generation });
  return true;
};
