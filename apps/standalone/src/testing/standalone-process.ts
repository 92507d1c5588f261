import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built entry point `npm start` runs; `npm test` builds before Jest starts. */
export const standaloneEntry = join(__dirname, '../../../../dist/apps/standalone/src/main.js');

export type StandaloneProcess = Readonly<{
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}>;

export type ExitedProcess = Readonly<{ code: number | null; output: string }>;

const spawnStandalone = (env: Record<string, string>): { child: ChildProcess; output: () => string } => {
  if (!existsSync(standaloneEntry)) throw new Error(`${standaloneEntry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [standaloneEntry], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
};

const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** Starts the real process and resolves once it logs the address it listens on. */
export const startStandalone = async (env: Record<string, string>, timeoutMs = 30_000): Promise<StandaloneProcess> => {
  const { child, output } = spawnStandalone(env);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output());
    if (match) {
      return {
        baseUrl: `http://127.0.0.1:${match[1]}`,
        child,
        output,
        stop: () => {
          child.kill('SIGTERM');
          return exitOf(child);
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`standalone exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`standalone did not start within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Runs the process expecting it to exit on its own (e.g. refusing a bad setting). */
export const runStandaloneToExit = async (env: Record<string, string>): Promise<ExitedProcess> => {
  const { child, output } = spawnStandalone(env);
  const code = await exitOf(child);
  return { code, output: output() };
};
