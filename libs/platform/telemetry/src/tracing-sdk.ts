import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

export type TracingSettings = Readonly<{
  /** `service.name` of every span (OTEL_SERVICE_NAME, when set, wins). */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT, validated by the host's configuration; tracing is off without it. */
  otlpEndpoint?: string;
  /** Tests collect spans in process instead of exporting them. */
  spanProcessors?: SpanProcessor[];
}>;

export type Tracing = Readonly<{
  enabled: boolean;
  /** Flushes the spans still buffered and stops the SDK; a no-op when tracing is off. */
  shutdown: () => Promise<void>;
}>;

const off: Tracing = { enabled: false, shutdown: () => Promise.resolve() };

/**
 * Starts the OpenTelemetry Node SDK when an OTLP endpoint is configured:
 * spans go over OTLP/HTTP to `${OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces` in
 * batches (OTEL_BSP_* tune them). No automatic instrumentation is loaded:
 * Meridian starts its own spans at the points that matter (HTTP request,
 * append, publish, projection), so a trace reads the same in every host and
 * costs nothing when tracing is off. Metrics stay with Prometheus.
 */
export const startTracing = (settings: TracingSettings): Tracing => {
  if (settings.otlpEndpoint === undefined && settings.spanProcessors === undefined) return off;
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME?.trim() || settings.serviceName,
    ...(settings.spanProcessors ? { spanProcessors: settings.spanProcessors } : { traceExporter: new OTLPTraceExporter() }),
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
};
