import type { ChildProcess } from 'node:child_process';
import { distEntry, pollUntil, spawnNodeProcess } from '@meridian/platform/testing';

/** The built entry point `npm start` runs; `npm test` builds before Jest starts. */
export const standaloneEntry = distEntry('standalone');

export type StandaloneProcess = Readonly<{
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}>;

export type ExitedProcess = Readonly<{ code: number | null; output: string }>;

const spawnStandalone = (env: Record<string, string>) => spawnNodeProcess(standaloneEntry, { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env });

/**
 * How long a start may take before a test gives up: minutes, not seconds. It
 * is a bound for a hung process, not a speed check: on a machine whose two
 * cores are busy with other work, opening the embedded store alone can take
 * longer than half a minute. A start that fails ends the wait at once.
 */
export const STANDALONE_START_BOUND_MS = 5 * 60_000;

/** A Jest timeout for a test that starts the process `starts` times and then does a little work. */
export const standaloneTestTimeout = (starts = 1): number => starts * STANDALONE_START_BOUND_MS + 2 * 60_000;

const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/** Starts the real process and resolves once it logs the address it listens on (rejects as soon as it exits instead). */
export const startStandalone = async (env: Record<string, string>, timeoutMs = STANDALONE_START_BOUND_MS): Promise<StandaloneProcess> => {
  const process = spawnStandalone(env);
  const exitCode = () => process.child.exitCode ?? process.child.signalCode;
  try {
    const outcome = await pollUntil(
      () => {
        const match = listening.exec(process.output());
        if (match !== null) return { port: match[1]! };
        return exitCode() !== null ? { exited: exitCode() } : null;
      },
      { timeoutMs, intervalMs: 50, description: 'the standalone process to log the address it listens on' },
    );
    // (pollUntil only returns a value `until` accepted: never null.)
    if (outcome === null || 'exited' in outcome) throw new Error(`it exited (${String(outcome?.exited)}) before listening:\n${process.output()}`);
    return { baseUrl: `http://127.0.0.1:${outcome.port}`, child: process.child, output: process.output, stop: () => process.kill('SIGTERM') };
  } catch (error) {
    if (exitCode() === null) await process.kill('SIGKILL');
    throw new Error(`standalone did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** Runs the process expecting it to exit on its own (e.g. refusing a bad setting). */
export const runStandaloneToExit = async (env: Record<string, string>): Promise<ExitedProcess> => {
  const process = spawnStandalone(env);
  const code = await process.exited();
  return { code, output: process.output() };
};
