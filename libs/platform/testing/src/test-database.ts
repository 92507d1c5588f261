import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabase = Readonly<{
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database, disconnecting whoever is still connected. */
  drop: () => Promise<void>;
}>;

/**
 * A fresh, empty database on the test server (DATABASE_URL, provided by Jest's
 * globalSetup), so suites running in parallel never see each other's rows.
 */
export const createTestDatabase = async (prefix = 'meridian_test'): Promise<TestDatabase> => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'DATABASE_URL is not set. Run the spec through Jest, whose globalSetup (tools/jest/global-setup.js) starts PostgreSQL, or set DATABASE_URL yourself.',
    );
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid test database name "${name}"`);

  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
};

const withAdminClient = async (serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> => {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};
