import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { ProcessManager, ReactionObserver } from './process-manager';
import { bindProcessManager } from './process-manager';
import type { ProjectedDocument } from './projection';
import type { RunningProjection } from './projection-consumer';
import { startProjectionConsumer } from './projection-consumer';
import type { ReadModelBinding } from './read-model-binding';
import type { ReadModelStorage } from './read-model-store.port';
import { prefixedTopics } from './read-model-definition';
import { openMongooseReadModelStorage } from './read-model-generations';
import type { StoreBreaker } from './store-breaker';
import { guardStorage } from './store-breaker';

export type ProcessManagerConsumerOptions<TState extends ProjectedDocument> = Readonly<{
  kafka: Kafka;
  manager: ProcessManager<TState>;
  /** Where its state lives; required when the manager keeps state. */
  connection?: Connection;
  breaker: StoreBreaker;
  log: StructuredLog;
  topicPrefix?: string;
  topicSettings?: TopicDefaults;
  retryDelayMs?: number;
  sessionTimeoutMs?: number;
  /** Hears every event's outcome (the host's metrics). */
  observe?: ReactionObserver;
}>;

export const processManagerGroupId = (name: string, topicPrefix = ''): string => `${topicPrefix}pm.${name}`;

/**
 * A process manager on Kafka: the projection consumer's guarantees (offsets
 * committed after the reaction and the state write, per-stream order, poison to
 * `<topic>.dlq`, pause and resume on failures) with the reaction as the write.
 * A failing command (event store down) pauses the partition like a store outage.
 */
export const startProcessManagerConsumer = async <TState extends ProjectedDocument>(
  options: ProcessManagerConsumerOptions<TState>,
): Promise<RunningProjection> => {
  const { manager } = options;
  if (manager.state !== undefined && options.connection === undefined) {
    throw new Error(`process manager ${manager.name} keeps state and needs a MongoDB connection`);
  }
  // Stateless managers keep nothing between events; read-your-writes marks are not used for them.
  const storage =
    options.connection === undefined
      ? createMemoryReadModelStorage<TState>()
      : guardStorage(openMongooseReadModelStorage<TState>(options.connection, `pm.${manager.name}`, 1), options.breaker);
  return startProjectionConsumer({
    kafka: options.kafka,
    topics: prefixedTopics(manager, options.topicPrefix),
    binding: bindProcessManager(manager, storage, options.observe),
    breaker: options.breaker,
    log: options.log,
    groupId: processManagerGroupId(manager.name, options.topicPrefix),
    topicSettings: options.topicSettings,
    retryDelayMs: options.retryDelayMs,
    sessionTimeoutMs: options.sessionTimeoutMs,
  });
};

/** A process manager with its state type erased, so a host can run several of different kinds. */
export type HostedProcessManager = Readonly<{
  name: string;
  topics: readonly string[];
  keepsState: boolean;
  /**
   * For the in-process feed (standalone): bound to the host's read store,
   * where its state and progress mark survive a restart (a manager of any
   * kind needs the mark, or it would react to the whole history again).
   */
  bindInProcess: (storage: ReadModelStorage<ProjectedDocument>, observe?: ReactionObserver) => ReadModelBinding;
  startOnKafka: (options: Omit<ProcessManagerConsumerOptions<ProjectedDocument>, 'manager'>) => Promise<RunningProjection>;
}>;

export const hostProcessManager = <TState extends ProjectedDocument>(manager: ProcessManager<TState>): HostedProcessManager => ({
  name: manager.name,
  topics: manager.topics,
  keepsState: manager.state !== undefined,
  bindInProcess: (storage, observe) => bindProcessManager(manager, storage as unknown as ReadModelStorage<TState>, observe, { batches: true }),
  startOnKafka: (options) => startProcessManagerConsumer({ ...options, manager }),
});
