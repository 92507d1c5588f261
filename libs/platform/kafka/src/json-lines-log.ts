import type { ProcessLogger } from '@meridian/platform/telemetry';
import { createProcessLogger } from '@meridian/platform/telemetry';
import type { StructuredLog } from './kafka-client';

export const jsonLogLevels = ['error', 'warn', 'info', 'debug'] as const;
export type JsonLogLevel = (typeof jsonLogLevels)[number];

/**
 * The platform's structured log over a process logger (pino): one JSON object
 * per line with the request's or message's correlation id, tenant and trace
 * id. Errors anywhere in the fields are reduced to name, message and stack so
 * the line stays one valid JSON document.
 */
export const structuredLogOver = (logger: ProcessLogger): StructuredLog =>
  (level, message, fields = {}) => {
    if (!logger.isLevelEnabled(level)) return;
    logger[level](serialisable(fields), message);
  };

/** What the relay and projections processes log: `service` names the process. */
export const createJsonLinesLog = (service: string, minLevel: JsonLogLevel): StructuredLog =>
  structuredLogOver(createProcessLogger({ service, level: minLevel }));

const serialisable = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value]),
  );
