import { SpanKind } from '@opentelemetry/api';
import type { StructuredLog } from '@meridian/platform/kafka';
import { traced, withLogContext } from '@meridian/platform/telemetry';
import { ProjectionFailed } from './apply-event';
import type { ProgressSink } from './progress-reporter';
import { createProgressReporter } from './progress-reporter';
import type { ReadModelBinding } from './read-model-binding';
import type { StoreFeed } from './store-feed';
import { storeLane } from './store-feed';

export type InProcessProjectionsOptions = Readonly<{
  feed: StoreFeed;
  readModels: readonly ReadModelBinding[];
  log: StructuredLog;
  /** Catch-up progress at start (a large history takes a while). */
  progress: ProgressSink;
  pageSize?: number;
  /** Polling interval when idle; a `nudge` (e.g. from a read-your-writes query) polls at once. */
  idleIntervalMs?: number;
}>;

export type InProcessProjections = Readonly<{
  /** Every event up to this global position is applied to every read model. */
  position: () => number;
  /** Resolves once the history present at start is applied, or the attempt failed (logged; the feed keeps retrying). */
  caughtUp: Promise<void>;
  nudge: () => void;
  stop: () => Promise<void>;
}>;

/**
 * Standalone mode's feed: the event store read in global order, one lane,
 * straight into the read models (no Kafka). The same projections and the same
 * guards as with Kafka; a projection error is logged and the event skipped, as
 * a dead letter would be.
 */
export const startInProcessProjections = async (options: InProcessProjectionsOptions): Promise<InProcessProjections> => {
  const { feed, readModels, log } = options;
  const pageSize = options.pageSize ?? 500;
  const idleIntervalMs = options.idleIntervalMs ?? 100;
  let after = Math.min(...(await Promise.all(readModels.map(async (r) => (await r.progress.marks()).find((m) => m.lane === storeLane)?.sequence ?? 0))));
  let running = true;
  let wake: (() => void) | undefined;

  const applyPage = async (): Promise<number> => {
    const page = await feed.read(after, pageSize);
    for (const event of page.events) {
      const applyToEach = async () => {
        for (const readModel of readModels) {
          try {
            await readModel.apply(event, { id: storeLane, sequence: event.globalPosition });
          } catch (error) {
            if (!(error instanceof ProjectionFailed)) throw error;
            log('warn', 'projection failed: event skipped', { readModel: readModel.readModel, eventId: event.eventId, error: error.message });
          }
        }
      };
      const logContext = { correlationId: event.correlationId, tenantId: event.tenantId };
      // As on Kafka: a span per event that is part of a trace, under the traceparent the command stamped.
      if (event.traceparent === undefined) await withLogContext(logContext, applyToEach);
      else {
        await traced(
          {
            name: 'process in-process feed',
            kind: SpanKind.CONSUMER,
            parent: event.traceparent,
            attributes: { 'messaging.operation.type': 'process', 'cloudevents.event_type': event.type, 'cloudevents.event_id': event.eventId, 'meridian.read_models': readModels.length },
          },
          (span) => withLogContext({ ...logContext, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId }, applyToEach),
        );
      }
    }
    if (page.lastPosition > after) {
      for (const readModel of readModels) await readModel.progress.record({ lane: storeLane, sequence: page.lastPosition, position: page.lastPosition });
    }
    const applied = page.lastPosition - after;
    after = page.lastPosition;
    return applied;
  };

  const head = await feed.head();
  const start = after;
  const reporter = createProgressReporter('read models catching up', head - start, options.progress);
  const caughtUp = (async () => {
    while (running && after < head) {
      if ((await applyPage()) === 0) break;
      reporter.advance(after - start);
    }
    if (head > start) reporter.finish(after - start);
  })().catch((error: unknown) => {
    // The loop below keeps retrying from where this stopped: a failed catch-up is only slower.
    log('error', 'catching up the read models failed; retrying', { error: String(error) });
  });

  const loop = (async () => {
    await caughtUp;
    while (running) {
      try {
        if ((await applyPage()) > 0) continue;
      } catch (error) {
        log('error', 'in-process projections failed; retrying', { error: String(error) });
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, idleIntervalMs).unref();
      });
      wake = undefined;
    }
  })();

  return {
    position: () => after,
    caughtUp,
    nudge: () => wake?.(),
    stop: async () => {
      running = false;
      wake?.();
      await loop.catch(() => undefined);
    },
  };
};
