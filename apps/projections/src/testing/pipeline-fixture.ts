import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeProcess, TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, distEntry, spawnNodeProcess } from '@meridian/platform/testing';
import { readModelNames } from '../read-model-catalogue';
import type { DedicatedFerretDB } from './dedicated-ferretdb';
import { startDedicatedFerretDB } from './dedicated-ferretdb';

/** Base URL of a relay's or projections process's /metrics and /health (it logs the port it chose). */
export const workerHttpUrl = (worker: NodeProcess): string => {
  const [, port] = /listening on http:\/\/[^:]+:(\d+)/.exec(worker.output()) ?? [];
  if (port === undefined) throw new Error('the worker has not logged its HTTP port');
  return `http://127.0.0.1:${port}`;
};

export type Pipeline = Readonly<{
  run: string;
  topic: string;
  brokers: string[];
  database: TestDatabase;
  ferretdb: DedicatedFerretDB;
  mongodbUrl: string;
  /** Base URL of the opportunities service: commands on PostgreSQL, queries on MongoDB. */
  apiUrl: string;
  /** The opportunities service's process (its output: the JSON log lines). */
  apiProcess: NodeProcess;
  /** Another context's service on the same servers; resolves to its base URL. */
  startService: (app: 'customers-service' | 'orders-service') => Promise<string>;
  startRelay: () => Promise<NodeProcess>;
  startProjections: () => Promise<NodeProcess>;
  /** `projections rebuild <read model>` to completion. */
  rebuild: (readModel: string) => Promise<{ code: number | null; output: string }>;
  close: () => Promise<void>;
}>;

/**
 * The whole pipeline on real servers, every piece as in production: the
 * service over HTTP, the relay and the projections as their own processes
 * (so a test can SIGKILL them), PostgreSQL, Kafka and a FerretDB of its own
 * (so a test can stop it). Topics, groups and databases are unique per run.
 */
export const startPipeline = async (name: string, options: Readonly<{ env?: Readonly<Record<string, string>> }> = {}): Promise<Pipeline> => {
  const run = randomBytes(4).toString('hex');
  const prefix = `${name}-${run}.`;
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  const runDir = mkdtempSync(join(tmpdir(), `meridian-${name}-`));
  const database = await createTestDatabase(`meridian_${name.replace(/\W/g, '_')}`);
  const ferretdb = await startDedicatedFerretDB(runDir);
  const mongodbUrl = `${ferretdb.url}${name.replace(/\W/g, '_')}_${run}`;
  // `options.env` goes to every process (e.g. where they export spans).
  const kafkaEnv = { ...options.env, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3' };
  const processes: NodeProcess[] = [];
  const projectionsEnv = {
    ...kafkaEnv, MONGODB_URL: mongodbUrl, EVENTSTORE_URL: database.url, LOG_LEVEL: 'info',
    PROJECTIONS_HTTP_PORT: '0', PROJECTIONS_LAG_INTERVAL_MS: '500', PROJECTIONS_FOLLOW_INTERVAL_MS: '300', PROJECTIONS_SESSION_TIMEOUT_MS: '6000', PROJECTIONS_BREAKER_RESET_MS: '1000', PROJECTIONS_STORE_TIMEOUT_MS: '2000',
  };

  const started = async (process: NodeProcess, ready: RegExp, times = 1) => {
    processes.push(process);
    await process.waitForOutput(ready, 60_000, times);
    return process;
  };

  const spawnService = async (app: string): Promise<{ url: string; process: NodeProcess }> => {
    const service = await started(
      spawnNodeProcess(distEntry(app), {
        ...kafkaEnv, EVENTSTORE_URL: database.url, MONGODB_URL: mongodbUrl, READ_WAIT_MAX_MS: '60000', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info',
      }),
      /listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    const [, port] = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(service.output()) ?? [];
    return { url: `http://127.0.0.1:${port}`, process: service };
  };
  const startService = async (app: string): Promise<string> => (await spawnService(app)).url;
  const { url: apiUrl, process: apiProcess } = await spawnService('opportunities-service');

  return {
    run,
    topic: `${prefix}crm.opportunities`,
    brokers,
    database,
    ferretdb,
    mongodbUrl,
    apiUrl,
    apiProcess,
    startService,
    startRelay: () =>
      started(spawnNodeProcess(distEntry('relay'), { ...kafkaEnv, EVENTSTORE_URL: database.url, RELAY_POLL_INTERVAL_MS: '50', RELAY_HTTP_PORT: '0', LOG_LEVEL: 'info' }), /"relay started"/),
    // Ready once every read model's consumer has joined and /metrics listens
    // (the HTTP server starts after the consumers, so wait for its line too).
    startProjections: async () => {
      const projections = await started(spawnNodeProcess(distEntry('projections'), projectionsEnv), /"projection started"/, readModelNames.length);
      await projections.waitForOutput(/listening on http:\/\/[^:]+:\d+/, 5 * 60_000);
      return projections;
    },
    rebuild: async (readModel) => {
      const rebuild = spawnNodeProcess(distEntry('projections'), projectionsEnv, ['rebuild', readModel]);
      return { code: await rebuild.exited(), output: rebuild.output() };
    },
    close: async () => {
      for (const process of processes) await process.kill('SIGKILL');
      await ferretdb.stop().catch(() => undefined);
      await database.drop().catch(() => undefined);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
};
