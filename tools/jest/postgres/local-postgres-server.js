// A throwaway PostgreSQL server from Debian's `postgresql` package: initdb in a
// temporary directory, listen on 127.0.0.1 at a free port with a private unix
// socket directory, and remove everything on stop. PostgreSQL refuses to run
// as root, so under uid 0 the server runs as the `postgres` user. It is spawned
// with that uid/gid directly rather than through `runuser`: runuser would stay
// in between as a supervisor and turn our SIGINT (fast shutdown) into SIGTERM
// followed by SIGKILL two seconds later.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { setTimeout, clearTimeout } = require('node:timers');
const { Client } = require('pg');
const { freePort } = require('../../infra/processes');

const installHint = "Install Debian's `postgresql` package (apt-get install postgresql), run Docker, or set DATABASE_URL.";

const findBinaries = () => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((version) => ['initdb', 'postgres'].every((bin) => fs.existsSync(path.join(root, version, 'bin', bin))))
    : [];
  if (versions.length === 0) return undefined;
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return { initdb: path.join(root, newest, 'bin', 'initdb'), postgres: path.join(root, newest, 'bin', 'postgres'), version: newest };
};

const postgresUserIds = () => {
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`Running as root, but there is no 'postgres' user to run PostgreSQL as. ${installHint}`);
  }
};

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

const tail = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '');

/** Polls until the server accepts a connection, it exits, or the deadline passes. */
const waitUntilAccepting = async (child, url, logFile, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited(child)) {
      throw new Error(`PostgreSQL exited during startup:\n${tail(logFile)}`);
    }
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms (${error.message}):\n${tail(logFile)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(50);
  }
};

/** Resolves true when the child exits, false after timeoutMs; leaves no timer behind. */
const exitWithin = (child, timeoutMs) =>
  new Promise((resolve) => {
    if (hasExited(child)) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const stopChild = async (child, timeoutMs) => {
  if (hasExited(child)) return;
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, disconnect clients, checkpoint
  if (await exitWithin(child, timeoutMs)) return;
  child.kill('SIGKILL');
  await exitWithin(child, timeoutMs);
};

const startLocalPostgres = async ({ timeoutMs = 30_000 } = {}) => {
  const binaries = findBinaries();
  if (!binaries) throw new Error(`No PostgreSQL server found (looked for /usr/lib/postgresql/*/bin/initdb and postgres). ${installHint}`);
  const owner = process.getuid && process.getuid() === 0 ? postgresUserIds() : undefined;

  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-test-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const socketDir = path.join(baseDir, 'socket');
  const logFile = path.join(baseDir, 'postgres.log');
  fs.mkdirSync(socketDir);
  if (owner) {
    fs.chownSync(baseDir, owner.uid, owner.gid);
    fs.chownSync(socketDir, owner.uid, owner.gid);
  }
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const removeBaseDir = () => fs.rmSync(baseDir, { recursive: true, force: true });

  try {
    // --no-sync only skips flushing initdb's files; the running server keeps fsync on.
    execFileSync(binaries.initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
      ...asOwner,
      stdio: 'pipe',
    });
  } catch (error) {
    removeBaseDir();
    throw new Error(`initdb failed: ${error.stderr ? error.stderr.toString() : error.message}`);
  }

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const log = fs.openSync(logFile, 'a');
    const child = spawn(
      binaries.postgres,
      ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      { ...asOwner, stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // If Jest dies without running globalTeardown, do not leave the server behind.
    const onExit = () => {
      if (!hasExited(child)) child.kill('SIGKILL');
      removeBaseDir();
    };
    process.once('exit', onExit);
    try {
      await waitUntilAccepting(child, url, logFile, timeoutMs);
    } catch (error) {
      await stopChild(child, 5_000);
      process.removeListener('exit', onExit);
      // Another process may have taken the port between the probe and the bind.
      if (attempt < 3 && /could not bind|already in use/i.test(tail(logFile))) continue;
      removeBaseDir();
      throw error;
    }
    return {
      url,
      description: `PostgreSQL ${binaries.version} from ${binaries.postgres} on port ${port}`,
      stop: async () => {
        await stopChild(child, 15_000);
        process.removeListener('exit', onExit);
        removeBaseDir();
      },
    };
  }
};

// findBinaries and postgresUserIds are shared with tools/infra/postgres.js (`npm run infra:up`).
module.exports = { findBinaries, postgresUserIds, installHint, startLocalPostgres };
