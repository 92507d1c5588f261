import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent, createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import { customerActivityProjection } from '@meridian/read-models/customer-activity';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerListProjection } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';

export type ProjectedReadModels = Readonly<{
  list: ReadModelStorage<CustomerListItem>;
  activity: ReadModelStorage<CustomerActivityDocument>;
  readModels: CustomerReadModels;
}>;

/** Both read models in memory, with the events applied as the runtime would (one lane, in order); always caught up. */
export const projectedReadModels = async (events: readonly ConsumedEvent[]): Promise<ProjectedReadModels> => {
  const list = createMemoryReadModelStorage<CustomerListItem>();
  const activity = createMemoryReadModelStorage<CustomerActivityDocument>();
  for (const event of events) {
    const lane = { id: 'spec', sequence: event.globalPosition };
    await applyEvent(customerListProjection, list, event, lane);
    await applyEvent(customerActivityProjection, activity, event, lane);
  }
  const reached = async () => true;
  const storeHead = async () => Number.MAX_SAFE_INTEGER;
  return {
    list,
    activity,
    readModels: { customerList: { storage: async () => list, reached, storeHead }, customerActivity: { storage: async () => activity, reached, storeHead }, maxWaitMs: 0 },
  };
};
