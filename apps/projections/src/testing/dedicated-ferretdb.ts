import { createRequire } from 'node:module';
import { join } from 'node:path';

type ServerRecord = Readonly<{ url: string; ports: readonly number[]; pid: number }>;
type Servers = Readonly<{
  startServer: (server: unknown, options: { runDir: string; ports?: readonly number[] }) => Promise<ServerRecord>;
  stopServer: (record: ServerRecord) => Promise<string>;
}>;

// The same launcher `npm run infra:up` and the Jest set-up use (plain CommonJS in tools/infra).
const load = createRequire(__filename);
const infra = join(__dirname, '../../../../tools/infra');
const { startServer, stopServer } = load(join(infra, 'servers.js')) as Servers;
const { ferretdbServer } = load(join(infra, 'ferretdb.js')) as { ferretdbServer: unknown };

export type DedicatedFerretDB = Readonly<{
  /** mongodb://127.0.0.1:<port>/ — stable across stop and start. */
  url: string;
  /** A real outage: the server process stops (SIGTERM) and its port refuses connections. */
  stop: () => Promise<void>;
  /** Starts again on the same port with the same data directory. */
  start: () => Promise<void>;
}>;

/**
 * A FerretDB of the test's own, so a fault test can take MongoDB away from
 * the projections and bring it back without disturbing other suites.
 */
export const startDedicatedFerretDB = async (runDir: string): Promise<DedicatedFerretDB> => {
  let record = await startServer(ferretdbServer, { runDir });
  const ports = record.ports;
  return {
    url: record.url,
    stop: async () => void (await stopServer(record)),
    start: async () => {
      record = await startServer(ferretdbServer, { runDir, ports });
    },
  };
};
