import type { ChildProcess } from 'node:child_process';
import { distEntry, spawnNodeProcess } from '@meridian/platform/testing';

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

/** Starts the real process and resolves once it logs the address it listens on. */
export const startStandalone = async (env: Record<string, string>, timeoutMs = 30_000): Promise<StandaloneProcess> => {
  const process = spawnStandalone(env);
  try {
    const [, port] = await process.waitForOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)/, timeoutMs);
    return { baseUrl: `http://127.0.0.1:${port}`, child: process.child, output: process.output, stop: () => process.kill('SIGTERM') };
  } catch (error) {
    await process.kill('SIGKILL');
    throw new Error(`standalone did not start within ${timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** Runs the process expecting it to exit on its own (e.g. refusing a bad setting). */
export const runStandaloneToExit = async (env: Record<string, string>): Promise<ExitedProcess> => {
  const process = spawnStandalone(env);
  const code = await process.exited();
  return { code, output: process.output() };
};
