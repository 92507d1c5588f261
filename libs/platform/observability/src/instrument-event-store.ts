import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision, withAppend } from '@meridian/platform/eventsourcing';
import type { Registry } from 'prom-client';
import { METRICS_PREFIX, counterIn, histogramIn } from './metrics-registry';

export type AppendOutcome = 'appended' | 'replayed' | 'conflict' | 'error';

const outcomes: readonly AppendOutcome[] = ['appended', 'replayed', 'conflict', 'error'];

/** Seconds; embedded stores answer in about a millisecond, remote ones in tens. */
export const appendDurationBuckets: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const outcomeOfError = (error: unknown): AppendOutcome => (error instanceof WrongExpectedRevision ? 'conflict' : 'error');

/**
 * Decorates an event store at the port with append metrics. Reads, close and
 * errors pass through unchanged: the decorator only observes, so the port's
 * guarantees (atomic appends, idempotent replays) are the inner store's.
 */
export const instrumentEventStore = (store: EventStore, registry: Registry): EventStore => {
  const appends = counterIn<'outcome'>(registry, { name: `${METRICS_PREFIX}event_appends_total`, help: 'Append calls to the event store, by outcome', labelNames: ['outcome'] });
  const appended = counterIn(registry, { name: `${METRICS_PREFIX}events_appended_total`, help: 'Events newly stored (replayed batches not counted)' });
  const duration = histogramIn(registry, { name: `${METRICS_PREFIX}event_append_duration_seconds`, help: 'Duration of append calls to the event store', buckets: [...appendDurationBuckets] });

  // Every outcome exported from the start at 0, so rate() and alerts see a series before the first conflict.
  for (const outcome of outcomes) appends.inc({ outcome }, 0);

  const appendToStream = async (streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> => {
    const stopTimer = duration.startTimer();
    try {
      const result = await store.appendToStream(streamId, events, expectedRevision);
      appends.inc({ outcome: result.replayed ? 'replayed' : 'appended' });
      if (!result.replayed) appended.inc(events.length);
      return result;
    } catch (error) {
      appends.inc({ outcome: outcomeOfError(error) });
      throw error;
    } finally {
      stopTimer();
    }
  };

  return withAppend(store, appendToStream);
};
