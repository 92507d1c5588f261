import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { Tracing } from '../tracing-sdk';
import { startTracing } from '../tracing-sdk';

export type SpanCollector = Readonly<{
  /** Every span ended so far (the processor hands them over asynchronously: this flushes first). */
  finished: () => Promise<readonly ReadableSpan[]>;
  reset: () => void;
  shutdown: () => Promise<void>;
}>;

/** Starts the SDK for this test file with spans kept in memory instead of exported. */
export const collectSpans = (serviceName = 'test'): SpanCollector => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  const tracing: Tracing = startTracing({ serviceName, spanProcessors: [processor] });
  return {
    finished: async () => {
      await processor.forceFlush();
      return exporter.getFinishedSpans();
    },
    reset: () => exporter.reset(),
    shutdown: () => tracing.shutdown(),
  };
};
