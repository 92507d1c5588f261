import type { StructuredLog } from '@meridian/platform/kafka';
import type { RelayLogLevel } from './relay.config';

const rank: Readonly<Record<RelayLogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * One JSON object per line on stdout (errors on stderr), the format log
 * shippers parse without configuration. Errors are flattened to their message
 * and name so the line stays one valid JSON document.
 */
export const createJsonLinesLog = (minLevel: RelayLogLevel, write: (line: string, level: RelayLogLevel) => void = writeLine): StructuredLog =>
  (level, message, fields = {}) => {
    if (rank[level] > rank[minLevel]) return;
    const entry = { time: new Date().toISOString(), level, context: 'relay', message, ...serialisable(fields) };
    write(JSON.stringify(entry), level);
  };

const writeLine = (line: string, level: RelayLogLevel): void => {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
};

const serialisable = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? { name: value.name, message: value.message } : value]),
  );
