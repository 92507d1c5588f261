// PostgreSQL from Debian's package, as a long-lived server for `npm run
// infra:up`. Jest keeps its own attached, throw-away server
// (tools/jest/postgres); this one is detached and recorded in state.json so
// `infra down` can stop it later. Binary lookup and the run-as-postgres rule
// (PostgreSQL refuses root) are shared with the Jest code.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { findBinaries, postgresUserIds, installHint } = require('../jest/postgres/local-postgres-server');

const owner = () => (process.getuid && process.getuid() === 0 ? postgresUserIds() : undefined);

const postgresServer = {
  key: 'postgres',
  name: 'PostgreSQL',
  portCount: 1,
  startTimeoutMs: 30_000,
  stopSignal: 'SIGINT', // fast shutdown: roll back open transactions, disconnect clients, checkpoint
  stopTimeoutMs: 15_000,
  install: async () => {
    if (!findBinaries()) throw new Error(`No PostgreSQL server found (looked for /usr/lib/postgresql/*/bin/initdb and postgres). ${installHint}`);
  },
  prepare: async ({ dir, ports: [port] }) => {
    const binaries = findBinaries();
    const user = owner();
    const dataDir = path.join(dir, 'data');
    const socketDir = path.join(dir, 'socket');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(socketDir, { recursive: true });
    if (user) for (const owned of [dir, socketDir]) fs.chownSync(owned, user.uid, user.gid);
    const asOwner = user ? { uid: user.uid, gid: user.gid } : {};
    try {
      // --no-sync only skips flushing initdb's files; the running server keeps fsync on.
      execFileSync(binaries.initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], { ...asOwner, stdio: 'pipe' });
    } catch (error) {
      throw new Error(`initdb failed: ${error.stderr ? error.stderr.toString() : error.message}`);
    }
    return {
      command: binaries.postgres,
      args: ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      ...asOwner,
      name: `PostgreSQL ${binaries.version}`,
    };
  },
  url: ([port]) => `postgres://postgres@127.0.0.1:${port}/postgres`,
  env: (url) => ({ DATABASE_URL: url }),
  probe: async (url) => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};

module.exports = { postgresServer };
