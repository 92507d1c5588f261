import { setTimeout as sleep } from 'node:timers/promises';

export type PollOptions<T> = Readonly<{
  timeoutMs: number;
  intervalMs?: number;
  /** When the value is good enough; defaults to "truthy". */
  until?: (value: T) => boolean;
  /** Names what is awaited, for the timeout message. */
  description?: string;
}>;

/**
 * Calls `probe` until its value satisfies `until`, and returns that value.
 * For eventually-consistent outcomes: tests wait for a condition with a
 * deadline, never for a fixed time. A probe that throws counts as "not yet";
 * on timeout the last value or error is reported.
 */
export const pollUntil = async <T>(probe: () => T | Promise<T>, options: PollOptions<T>): Promise<T> => {
  const { timeoutMs, intervalMs = 25, until = Boolean, description = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let outcome: string;
    try {
      const value = await probe();
      if (until(value)) return value;
      outcome = `last value: ${describeValue(value)}`;
    } catch (error) {
      outcome = `last error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description} (${outcome})`);
    await sleep(Math.min(intervalMs, Math.max(deadline - Date.now(), 0)));
  }
};

const describeValue = (value: unknown): string => {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
};
