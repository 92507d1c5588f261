import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The module itself, not the package's index: that pulls in Nest and Kafka, none of which is needed here.
import { createTestDatabase } from '../../../libs/platform/testing/src/test-database';

type ServerRecord = Readonly<{ url: string; ports: readonly number[]; pid: number }>;
type Servers = Readonly<{
  startServer: (server: unknown, options: { runDir: string; ports?: readonly number[] }) => Promise<ServerRecord>;
  stopServer: (record: ServerRecord) => Promise<string>;
}>;
type FerretDB = Readonly<{ ferretdbServer: unknown; ferretdbServerOnPostgres: (postgresUrl: string) => unknown }>;

// The launcher and the build `npm run infra:up` and the Jest set-up use (plain CommonJS beside this folder).
const load = createRequire(__filename);
const { startServer, stopServer } = load(join(__dirname, '..', 'servers.js')) as Servers;
const { ferretdbServer, ferretdbServerOnPostgres } = load(join(__dirname, '..', 'ferretdb.js')) as FerretDB;

export type FerretDBHandler = Readonly<{
  name: 'SQLite' | 'PostgreSQL';
  /** mongodb://127.0.0.1:<port>/ of this suite's own server; a stop and start keep it. */
  url: string;
  /** The PostgreSQL database the handler stores in (PostgreSQL handler only). */
  postgresUrl?: string;
  /** Stops the server (its pooled connections close with it). */
  stop: () => Promise<void>;
  /** Starts it again on the same port, with the same data. */
  start: () => Promise<void>;
}>;

export type FerretDBHandlers = Readonly<{ handlers: readonly FerretDBHandler[]; stop: () => Promise<void> }>;

/**
 * The FerretDB that tools/infra builds (patches included), started twice for
 * one suite: on its SQLite handler and on its PostgreSQL handler, the latter in
 * a fresh database on DATABASE_URL. Not MONGODB_URL, which may be any server.
 */
export const startFerretDBHandlers = async (): Promise<FerretDBHandlers> => {
  const runDir = mkdtempSync(join(tmpdir(), 'meridian-ferretdb-handlers-'));
  const postgres = await createTestDatabase('meridian_ferretdb');
  const running: { record: ServerRecord }[] = [];
  const handler = async (name: FerretDBHandler['name'], server: unknown, postgresUrl?: string): Promise<FerretDBHandler> => {
    const entry = { record: await startServer(server, { runDir }) };
    running.push(entry);
    return {
      name,
      url: entry.record.url,
      ...(postgresUrl ? { postgresUrl } : {}),
      stop: async () => void (await stopServer(entry.record)),
      start: async () => {
        entry.record = await startServer(server, { runDir, ports: entry.record.ports });
      },
    };
  };
  const stop = async () => {
    await Promise.all(running.map((entry) => stopServer(entry.record)));
    await postgres.drop();
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    const handlers = await Promise.all([
      handler('SQLite', ferretdbServer),
      handler('PostgreSQL', ferretdbServerOnPostgres(postgres.url), postgres.url),
    ]);
    return { handlers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
