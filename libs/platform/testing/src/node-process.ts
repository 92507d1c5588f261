import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil } from './poll-until';

/** A built entry point under dist/ (`npm test` builds before Jest starts). */
export const distEntry = (app: string): string => join(__dirname, '../../../../dist/apps', app, 'src/main.js');

export type NodeProcess = Readonly<{
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the first match of `pattern` once it occurs `times` times in the output (fails if the process exits first). */
  waitForOutput: (pattern: RegExp, timeoutMs?: number, times?: number) => Promise<RegExpExecArray>;
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
  exited: () => Promise<number | null>;
}>;

/**
 * Runs one of our processes for real (relay, projections, standalone), with
 * exactly the environment given plus PATH: nothing leaks in from the test
 * runner's environment by accident.
 */
export const spawnNodeProcess = (entry: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): NodeProcess => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = (): Promise<number | null> =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    waitForOutput: (pattern, timeoutMs = 30_000, times = 1) =>
      pollUntil(
        () => {
          const found = (output.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;
          if (found < times && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`);
          return found >= times ? pattern.exec(output) : null;
        },
        { timeoutMs, description: `${pattern} in the output of ${entry}` },
      ) as Promise<RegExpExecArray>,
    kill: (signal) => {
      child.kill(signal);
      return exited();
    },
    exited,
  };
};
