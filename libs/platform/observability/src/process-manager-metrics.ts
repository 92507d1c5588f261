import type { Counter, Gauge, Registry } from 'prom-client';
import { METRICS_PREFIX, counterIn, gaugeIn } from './metrics-registry';

/**
 * What became of one event a process manager was given:
 * - `applied`: it reacted (sent a command) or its remembered state moved;
 * - `duplicate`: its state had already applied this event (a redelivery);
 * - `skipped`: nothing to do for this event;
 * - `refused`: a rule of the target context refused the command, or its state
 *   projection threw: dead-lettered on Kafka, logged and skipped in process;
 * - `failed`: anything else (event store or state store down): the event is
 *   retried after a pause, not lost.
 */
export type ReactionOutcome = 'applied' | 'duplicate' | 'skipped' | 'refused' | 'failed';

export const reactionOutcomes: readonly ReactionOutcome[] = ['applied', 'duplicate', 'skipped', 'refused', 'failed'];

/** A process manager's Kafka consumer, read at scrape time. */
export type ObservedProcessManagerConsumer = Readonly<{
  processManager: string;
  /** Messages sent to `<topic>.dlq` since this consumer started (a tally that only grows). */
  deadLetters: () => number;
  /** Messages its consumer group has not committed yet; undefined until first measured. */
  lagMessages: () => number | undefined;
}>;

export type ProcessManagerMetrics = Readonly<{
  /** Exports every outcome of this manager at 0 from the start, so rate() and alerts see a series before the first event. */
  declare: (processManager: string) => void;
  reaction: (processManager: string, outcome: ReactionOutcome) => void;
  /** Follows a consumer until the returned function is called (when it stops). */
  follow: (consumer: ObservedProcessManagerConsumer) => () => void;
}>;

type Followed = { consumer: ObservedProcessManagerConsumer; countedDeadLetters: number };

const perRegistry = new WeakMap<Registry, ProcessManagerMetrics>();

/**
 * The process-manager series of one app's registry, labelled by manager name
 * only (a bounded set: never event or stream ids). Get-or-create per registry:
 * a host running several contexts' managers (standalone) shares the series.
 * Reactions are counted as they happen, on both feeds; dead letters and lag
 * exist only on Kafka and are read from the consumers at scrape time.
 */
export const processManagerMetrics = (registry: Registry): ProcessManagerMetrics => {
  const existing = perRegistry.get(registry);
  if (existing !== undefined) return existing;
  const followed = new Set<Followed>();

  const reactions = counterIn<'process_manager' | 'outcome'>(registry, {
    name: `${METRICS_PREFIX}process_manager_reactions_total`,
    help: 'Events a process manager handled, by outcome (applied, duplicate, skipped, refused, failed)',
    labelNames: ['process_manager', 'outcome'],
  });
  const deadLetters: Counter<'process_manager'> = counterIn(registry, {
    name: `${METRICS_PREFIX}process_manager_dead_letters_total`,
    help: 'Messages a process manager sent to <topic>.dlq (refused reactions and undecodable messages); Kafka only',
    labelNames: ['process_manager'],
    collect: () => {
      // A counter cannot be set: add what each consumer's tally gained since the last scrape.
      for (const entry of followed) {
        const total = entry.consumer.deadLetters();
        if (total > entry.countedDeadLetters) deadLetters.inc({ process_manager: entry.consumer.processManager }, total - entry.countedDeadLetters);
        entry.countedDeadLetters = Math.max(total, entry.countedDeadLetters);
      }
    },
  });
  const lag: Gauge<'process_manager'> = gaugeIn(registry, {
    name: `${METRICS_PREFIX}process_manager_consumer_lag_messages`,
    help: 'Messages on a process manager\'s topics its consumer group has not committed yet; Kafka only',
    labelNames: ['process_manager'],
    collect: () => {
      for (const { consumer } of followed) {
        const value = consumer.lagMessages();
        if (value !== undefined) lag.set({ process_manager: consumer.processManager }, value);
      }
    },
  });

  const metrics: ProcessManagerMetrics = {
    declare: (processManager) => {
      for (const outcome of reactionOutcomes) reactions.inc({ process_manager: processManager, outcome }, 0);
    },
    reaction: (processManager, outcome) => reactions.inc({ process_manager: processManager, outcome }),
    follow: (consumer) => {
      const entry: Followed = { consumer, countedDeadLetters: 0 };
      followed.add(entry);
      deadLetters.inc({ process_manager: consumer.processManager }, 0);
      return () => {
        // The last scrape may not have seen the final tally: count it before letting go.
        const total = consumer.deadLetters();
        if (total > entry.countedDeadLetters) deadLetters.inc({ process_manager: consumer.processManager }, total - entry.countedDeadLetters);
        followed.delete(entry);
      };
    },
  };
  perRegistry.set(registry, metrics);
  return metrics;
};
