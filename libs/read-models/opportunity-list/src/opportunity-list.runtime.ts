import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import type { RunningProjection } from '@meridian/platform/projections';
import { createMongooseReadModelStore, startProjectionConsumer } from '@meridian/platform/projections';
import { opportunitiesTopic } from '@meridian/opportunities/contracts';
import type { OpportunityListItem } from './opportunity-list.projection';
import { opportunityListProjection } from './opportunity-list.projection';
import { ensureOpportunityListIndexes } from './opportunity-list.queries';

export type OpportunityListRuntimeOptions = Readonly<{
  kafka: Kafka;
  connection: Connection;
  log: StructuredLog;
  /** Deployment namespace of topic names (tests use a unique one). */
  topicPrefix?: string;
  /** Defaults to the read model name; tests use a unique one. */
  groupId?: string;
  topicSettings?: TopicDefaults;
}>;

/** Indexes first, then the consumer group `opportunity-list` on `crm.opportunities`. */
export const startOpportunityListProjection = async (options: OpportunityListRuntimeOptions): Promise<RunningProjection> => {
  await ensureOpportunityListIndexes(options.connection);
  return startProjectionConsumer<OpportunityListItem>({
    kafka: options.kafka,
    topics: [`${options.topicPrefix ?? ''}${opportunitiesTopic}`],
    projection: opportunityListProjection,
    store: createMongooseReadModelStore<OpportunityListItem>(options.connection, opportunityListProjection.readModel),
    log: options.log,
    groupId: options.groupId,
    topicSettings: options.topicSettings,
  });
};
