import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written while handling one request or one message
 * carries, so an operator can follow a command from its HTTP request through
 * the relay to each read model by grepping one id.
 */
export type LogContext = {
  correlationId?: string;
  tenantId?: string;
  traceId?: string;
  spanId?: string;
};

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` attached to every line logged inside it, across awaits. */
export const withLogContext = <T>(context: LogContext, work: () => T): T => storage.run({ ...context }, work);

/** The context of the work in progress, if any. */
export const currentLogContext = (): Readonly<LogContext> | undefined => storage.getStore();

/**
 * Adds what is learnt mid-request (the tenant once the headers are validated,
 * the correlation id once the command is built) to the running context.
 * Outside any context it does nothing: there is no line to enrich.
 */
export const enrichLogContext = (fields: LogContext): void => {
  const store = storage.getStore();
  if (store === undefined) return;
  for (const [key, value] of Object.entries(fields) as [keyof LogContext, string | undefined][]) {
    if (value !== undefined) store[key] = value;
  }
};
