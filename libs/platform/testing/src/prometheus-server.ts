import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What to do when a binary is missing: CI (.ci/run) installs the package, a test never skips for lack of it. */
export const prometheusInstallHint = "install Debian's `prometheus` package (apt-get install -y prometheus), as .ci/run does";

export type PrometheusBinary = 'prometheus' | 'promtool';

const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The first executable `name` on PATH, then in the fallback directories
 * (Debian's `prometheus` package puts both binaries in /usr/bin). Throws a
 * message naming the package when there is none.
 */
export const findPrometheusBinary = (
  name: PrometheusBinary,
  { path = process.env.PATH ?? '', fallbackDirs = ['/usr/bin'] }: Readonly<{ path?: string; fallbackDirs?: readonly string[] }> = {},
): string => {
  const dirs = [...path.split(delimiter).filter((dir) => dir !== ''), ...fallbackDirs];
  const found = dirs.map((dir) => join(dir, name)).find(isExecutableFile);
  if (!found) throw new Error(`${name} not found (looked on PATH and in ${fallbackDirs.join(', ') || 'no other directory'}): ${prometheusInstallHint}`);
  return found;
};

export type ScrapeJob = Readonly<{ jobName: string; targets: readonly string[]; metricsPath?: string }>;

/**
 * A Prometheus configuration scraping `jobs` every `intervalSeconds`. JSON is
 * YAML, so no YAML writer is needed. The timeout equals the interval (it may
 * not exceed it).
 */
export const prometheusConfig = (jobs: readonly ScrapeJob[], intervalSeconds = 1): string =>
  JSON.stringify(
    {
      global: { scrape_interval: `${intervalSeconds}s`, scrape_timeout: `${intervalSeconds}s`, evaluation_interval: `${intervalSeconds}s` },
      scrape_configs: jobs.map(({ jobName, targets, metricsPath = '/metrics' }) => ({ job_name: jobName, metrics_path: metricsPath, static_configs: [{ targets: [...targets] }] })),
    },
    null,
    2,
  );

/** A port the kernel just handed out on 127.0.0.1 (another process may take it before Prometheus binds: startPrometheus retries). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`; resolves once it has exited. */
export const stopChildProcess = async (child: ChildProcess, graceMs = 10_000): Promise<'not running' | 'stopped' | 'killed'> => {
  if (hasExited(child)) return 'not running';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
  clearTimeout(timer);
  if (inTime) return 'stopped';
  child.kill('SIGKILL');
  await exited;
  return 'killed';
};

export type PrometheusSample = Readonly<{ metric: Readonly<Record<string, string>>; value: number }>;

type QueryResponse = Readonly<{
  status: string;
  error?: string;
  data?: Readonly<{ resultType: string; result: ReadonlyArray<Readonly<{ metric: Record<string, string>; value: readonly [number, string] }>> }>;
}>;

/** An instant query through the HTTP API (/api/v1/query); the vector it returns, one sample per series. */
export const queryPrometheus = async (baseUrl: string, promql: string): Promise<PrometheusSample[]> => {
  const response = await fetch(`${baseUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as QueryResponse;
  if (body.status !== 'success' || !body.data) throw new Error(`query ${promql}: ${response.status} ${body.error ?? body.status}`);
  if (body.data.resultType !== 'vector') throw new Error(`query ${promql}: expected a vector, got ${body.data.resultType}`);
  return body.data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
};

export type PrometheusServer = Readonly<{
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  query: (promql: string) => Promise<PrometheusSample[]>;
  stop: () => Promise<'not running' | 'stopped' | 'killed'>;
}>;

const launch = (binary: string, dir: string, port: number) => {
  const child = spawn(binary, [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer | string) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('error', (error) => keep(`\n${binary} could not start: ${error.message}\n`));
  return { child, output: () => output };
};

/** Polls /-/ready until 200, failing at once when the process exits (a bad flag, a taken port) and at the deadline. */
const waitUntilReady = async (baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (hasExited(child)) throw new Error(`exited (${child.exitCode ?? child.signalCode}) during startup`);
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      if (response.ok) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) throw new Error(`${baseUrl}/-/ready did not answer 200 within ${timeoutMs} ms (last: ${last})`);
    await sleep(100);
  }
};

/**
 * Starts Prometheus from the installed binary with `jobs` as its only scrape
 * configuration, its data and config in `dir`, on a free loopback port, and
 * resolves once /-/ready answers 200. A taken port (the probe and the bind are
 * not atomic) is retried on another one.
 */
export const startPrometheus = async ({ dir, jobs, timeoutMs = 30_000 }: Readonly<{ dir: string; jobs: readonly ScrapeJob[]; timeoutMs?: number }>): Promise<PrometheusServer> => {
  const binary = findPrometheusBinary('prometheus');
  writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(jobs));
  for (let attempt = 1; ; attempt++) {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const started = launch(binary, dir, Number(new URL(baseUrl).port));
    try {
      await waitUntilReady(baseUrl, started.child, timeoutMs);
      return { baseUrl, child: started.child, output: started.output, query: (promql) => queryPrometheus(baseUrl, promql), stop: () => stopChildProcess(started.child) };
    } catch (error) {
      await stopChildProcess(started.child, 2_000);
      if (attempt < 3 && /address already in use/i.test(started.output())) continue;
      throw new Error(`Prometheus (${binary}) did not start: ${error instanceof Error ? error.message : String(error)}\n${started.output().slice(-4_000)}`);
    }
  }
};
