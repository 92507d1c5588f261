import { trace } from '@opentelemetry/api';
import type { DestinationStream, LevelWithSilent, Logger } from 'pino';
import { pino } from 'pino';
import { currentLogContext } from './log-context';

export type ProcessLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
export type ProcessLogger = Logger;

export type ProcessLoggerOptions = Readonly<{
  /** `service` on every line: which deployment wrote it. */
  service: string;
  level: ProcessLogLevel | LevelWithSilent;
  /** Where lines go; stdout/stderr by default (tests capture them here). */
  destination?: DestinationStream;
}>;

/**
 * The request or message context of the line, and the active span's ids when
 * tracing is on: fields are omitted rather than logged empty.
 */
const contextFields = (): Record<string, string> => {
  const fields: Record<string, string> = {};
  const context = currentLogContext();
  if (context !== undefined) {
    for (const [key, value] of Object.entries(context)) if (value !== undefined) fields[key] = value;
  }
  const span = trace.getActiveSpan()?.spanContext();
  if (fields.traceId === undefined && span !== undefined && trace.isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
};

// Errors to stderr as well as the rest to stdout: the split container runtimes and
// local terminals expect; `dedupe` writes each line to one stream only.
const standardStreams = (): DestinationStream =>
  pino.multistream(
    [
      { level: 'trace', stream: pino.destination({ fd: 1, sync: true }) },
      { level: 'error', stream: pino.destination({ fd: 2, sync: true }) },
    ],
    { dedupe: true },
  );

/**
 * One JSON object per line, the shape log shippers parse without
 * configuration: `time` (ISO 8601), `level` as a word, `service`, `message`,
 * then the correlation id, tenant and trace id of the work being done.
 * Writes are synchronous so the last lines before an exit are not lost.
 */
export const createProcessLogger = (options: ProcessLoggerOptions): ProcessLogger =>
  pino(
    {
      level: options.level,
      base: { service: options.service, pid: process.pid },
      messageKey: 'message',
      errorKey: 'error',
      serializers: { error: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: contextFields,
    },
    options.destination ?? standardStreams(),
  );
