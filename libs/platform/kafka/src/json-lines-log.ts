import type { StructuredLog } from './kafka-client';

export const jsonLogLevels = ['error', 'warn', 'info', 'debug'] as const;
export type JsonLogLevel = (typeof jsonLogLevels)[number];

const rank: Readonly<Record<JsonLogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * One JSON object per line on stdout (errors on stderr), the format log
 * shippers parse without configuration: what the relay and projections
 * processes log. Errors are flattened to their message and name so the line
 * stays one valid JSON document.
 */
export const createJsonLinesLog = (
  context: string,
  minLevel: JsonLogLevel,
  write: (line: string, level: JsonLogLevel) => void = writeLine,
): StructuredLog =>
  (level, message, fields = {}) => {
    if (rank[level] > rank[minLevel]) return;
    const entry = { time: new Date().toISOString(), level, context, message, ...serialisable(fields) };
    write(JSON.stringify(entry), level);
  };

const writeLine = (line: string, level: JsonLogLevel): void => {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
};

const serialisable = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? { name: value.name, message: value.message } : value]),
  );
