export type { LogContext } from './log-context';
export { currentLogContext, enrichLogContext, withLogContext } from './log-context';
export type { ProcessLogLevel, ProcessLogger, ProcessLoggerOptions } from './process-logger';
export { createProcessLogger } from './process-logger';
export type { SpanStart } from './tracing';
export { contextOfTraceparent, failSpan, startSpan, traceIdOf, traceparentOf, traced } from './tracing';
export type { Tracing, TracingSettings } from './tracing-sdk';
export { startTracing } from './tracing-sdk';
export { traceEventStore } from './trace-event-store';
