import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GenericContainer, Wait } from 'testcontainers';
import { isEsdbUrl } from '../esdb-connection-string';

export const noEsdbSkipLine = 'skipped: no EventStoreDB (set EVENTSTORE_URL=esdb://… or run Docker)';

/**
 * Where the integration spec finds EventStoreDB, in this order:
 * 1. ESDB_TEST_URL: a dedicated, disposable node for tests (checked first, so
 *    a shell whose EVENTSTORE_URL points the app at a real database never has
 *    contract streams written into it by accident);
 * 2. EVENTSTORE_URL, when it names EventStoreDB (the services' own variable; other
 *    suites may set it to postgres://… meanwhile, which is ignored here);
 * 3. a testcontainers node when a Docker engine answers;
 * 4. none: the spec registers itself as skipped and says so.
 */
export type EsdbTestTarget =
  | Readonly<{ kind: 'url'; url: string; source: 'ESDB_TEST_URL' | 'EVENTSTORE_URL' }>
  | Readonly<{ kind: 'docker'; image: string }>
  | Readonly<{ kind: 'none' }>;

export const defaultEsdbTestImage = 'kurrentplatform/kurrentdb:latest';

/** Synchronous because Jest registers suites synchronously, before any hook can await. */
export const esdbTestTarget = (env: NodeJS.ProcessEnv = process.env): EsdbTestTarget => {
  const dedicated = env.ESDB_TEST_URL?.trim();
  if (dedicated) {
    if (!isEsdbUrl(dedicated)) throw new Error('ESDB_TEST_URL must be an esdb://… or kurrentdb://… URL');
    return { kind: 'url', url: dedicated, source: 'ESDB_TEST_URL' };
  }
  const shared = env.EVENTSTORE_URL?.trim();
  if (shared && isEsdbUrl(shared)) return { kind: 'url', url: shared, source: 'EVENTSTORE_URL' };
  return dockerAnswers() ? { kind: 'docker', image: env.ESDB_TEST_IMAGE?.trim() || defaultEsdbTestImage } : { kind: 'none' };
};

/**
 * The same Docker probe the Jest global setup uses (GET /_ping on the engine,
 * tools/jest/postgres/test-postgres.js), run in a child process to get its
 * answer synchronously.
 */
const dockerAnswers = (): boolean => {
  const probe = resolve(__dirname, '../../../../../tools/jest/postgres/test-postgres.js');
  if (!existsSync(probe)) return false;
  const script = `require(${JSON.stringify(probe)}).dockerAnswers().then((ok) => process.exit(ok ? 0 : 1), () => process.exit(1))`;
  return spawnSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 10_000 }).status === 0;
};

export type EsdbTestServer = Readonly<{ url: string; description: string; stop: () => Promise<void> }>;

/** A node for the target: the given URL (never stopped by us) or a disposable insecure, in-memory container. */
export const startEsdbTestServer = async (target: Exclude<EsdbTestTarget, { kind: 'none' }>): Promise<EsdbTestServer> => {
  if (target.kind === 'url') return { url: target.url, description: target.source, stop: async () => undefined };
  // KurrentDB images read KURRENTDB_* settings, EventStoreDB images EVENTSTORE_*.
  const prefix = target.image.includes('kurrent') ? 'KURRENTDB' : 'EVENTSTORE';
  const container = await new GenericContainer(target.image)
    .withEnvironment({
      [`${prefix}_INSECURE`]: 'true',
      [`${prefix}_MEM_DB`]: 'true',
      [`${prefix}_RUN_PROJECTIONS`]: 'None',
      [`${prefix}_START_STANDARD_PROJECTIONS`]: 'false',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
    .withStartupTimeout(240_000)
    .start();
  return {
    url: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    description: `Docker container ${target.image}`,
    stop: async () => {
      await container.stop();
    },
  };
};
