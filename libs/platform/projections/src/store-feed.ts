import type { EventStore } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent, EventRouter } from '@meridian/platform/kafka';
import { fromKafkaMessage } from '@meridian/platform/kafka';

/** The event store's lane: one ordered delivery whose sequence is the global position. */
export const storeLane = 'store';

export type StoreFeedPage = Readonly<{
  /** The public events of the wanted topics, decoded exactly as a Kafka consumer would see them. */
  events: readonly ConsumedEvent[];
  /** Position to continue after (advances over events of other topics and dead letters too). */
  lastPosition: number;
}>;

export type StoreFeed = Readonly<{
  read: (after: number, maxCount: number) => Promise<StoreFeedPage>;
  head: () => Promise<number>;
}>;

/**
 * History as the read models would have received it from Kafka: each stored
 * event goes through the relay's router (contract mapping, schema check,
 * CloudEvents headers) and back through the consumer's decoder. Rebuilds and
 * standalone mode therefore project exactly what the topic carries; events the
 * relay would dead-letter are skipped here as well.
 */
export const createStoreFeed = (store: EventStore, router: EventRouter, topics: readonly string[]): StoreFeed => {
  const wanted = new Set(topics);
  return {
    head: () => store.headPosition(),
    read: async (after, maxCount) => {
      const recorded = await store.readAll({ after, maxCount });
      const events: ConsumedEvent[] = [];
      for (const event of recorded) {
        const message = router.route(event);
        if (message.deadLetter !== undefined || !wanted.has(message.topic)) continue;
        const decoded = fromKafkaMessage(message.topic, 0, {
          key: Buffer.from(message.key),
          value: Buffer.from(message.value),
          headers: { ...message.headers },
          offset: String(event.globalPosition),
        });
        if (decoded.ok) events.push(decoded.event);
      }
      return { events, lastPosition: recorded.at(-1)?.globalPosition ?? after };
    },
  };
};
