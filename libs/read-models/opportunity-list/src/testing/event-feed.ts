import type { EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import type { OutgoingMessage, PublicEventCatalogue } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient, createOrderedPublisher, defaultTopicSettings, ensureTopics } from '@meridian/platform/kafka';
import { opportunitiesPublicCatalogue, opportunitiesTopic } from '@meridian/opportunities/contracts';

/** The same catalogue the relay publishes with. */
const catalogue: PublicEventCatalogue = opportunitiesPublicCatalogue;

export type EventFeed = Readonly<{
  topic: string;
  /** Publishes what was appended since the last call, as the relay does (router + ordered, idempotent publisher). */
  publishNew: () => Promise<readonly RecordedEvent[]>;
  /** Publishes events again: the duplicates an at-least-once relay may send (same ce_id). */
  republish: (events: readonly RecordedEvent[]) => Promise<void>;
  sendRaw: (messages: readonly OutgoingMessage[]) => Promise<void>;
  close: () => Promise<void>;
}>;

/** The relay's publishing path, driven step by step by the spec (the relay's own loop is tested in apps/relay). */
export const openEventFeed = async (brokers: readonly string[], topicPrefix: string, store: EventStore): Promise<EventFeed> => {
  const log = () => undefined;
  const kafka = createKafkaClient({ brokers, clientId: 'opportunity-list-spec-feed', log });
  const router = createEventRouter({ catalogues: [catalogue], topicPrefix });
  await ensureTopics(kafka, router.topics, { ...defaultTopicSettings, partitions: 3 }, log);
  const publisher = createOrderedPublisher(kafka);
  await publisher.connect();
  let after = 0;
  return {
    topic: `${topicPrefix}${opportunitiesTopic}`,
    publishNew: async () => {
      const events = await store.readAll({ after, maxCount: 10_000 });
      await publisher.publish(events.map(router.route));
      after = events.at(-1)?.globalPosition ?? after;
      return events;
    },
    republish: (events) => publisher.publish(events.map(router.route)),
    sendRaw: (messages) => publisher.publish(messages),
    close: () => publisher.disconnect(),
  };
};
