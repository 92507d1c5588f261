// The system under test, started the way the tests start it: PostgreSQL,
// Kafka and FerretDB through tools/infra (a private run directory, so a set
// started by `npm run infra:up` or by Jest is left alone), and the built
// service, relay and projections as real processes from dist/.
const { spawn } = require('node:child_process');
const { setTimeout, clearTimeout } = require('node:timers');
const { URL } = require('node:url');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { startServers, stopServers, root } = require('../infra/servers');
const { freePort } = require('../infra/processes');
const { getUrl } = require('./http-load');
const { postgresServer } = require('../infra/postgres');
const { kafkaServer } = require('../infra/kafka');
const { ferretdbServer, ferretdbServerOnPostgres } = require('../infra/ferretdb');

const distEntry = (app) => path.join(root, 'dist', 'apps', app, 'src', 'main.js');

/** Resident set size of a pid in MiB, from /proc (undefined once it has gone). */
const rssMiB = (pid) => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A node process of ours with its output kept as a bounded tail (a long run
 * must not grow the bench's own memory) and line listeners for progress.
 */
const spawnNode = (name, entry, env, args = []) => {
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let partial = '';
  const listeners = new Set();
  const onData = (chunk) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      tail = (tail + line + '\n').slice(-20_000);
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  /** Resolves with the first line matching `pattern`, seen from now on. */
  const waitForLine = (pattern, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms:\n${tail.slice(-3000)}`)), timeoutMs);
      const listener = (line) => {
        const match = pattern.exec(line);
        if (match) done(undefined, match);
      };
      const onExit = () => done(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${tail.slice(-3000)}`));
      const done = (error, match) => {
        clearTimeout(timer);
        listeners.delete(listener);
        child.removeListener('exit', onExit);
        if (error) reject(error);
        else resolve(match);
      };
      listeners.add(listener);
      child.once('exit', onExit);
    });
  return {
    name,
    child,
    pid: child.pid,
    tail: () => tail,
    onLine: (listener) => listeners.add(listener),
    offLine: (listener) => listeners.delete(listener),
    waitForLine,
    exited,
    rss: () => rssMiB(child.pid),
    stop: async (signal = 'SIGTERM', timeoutMs = 15_000) => {
      if (hasExited()) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
};

/**
 * `ferretdbHandler`: `sqlite` (what the tests run) or `postgresql` (FerretDB
 * storing in the same PostgreSQL, in a database of its own), see
 * `ferretdbServerOnPostgres` for why the benchmarks default to the latter.
 */
const startInfrastructure = async (log, { ferretdbHandler = 'sqlite' } = {}) => {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));
  // PostgreSQL runs as its own user when we are root: it must reach its directory inside.
  fs.chmodSync(runDir, 0o755);
  const announce = (line) => log(`infra: ${line}`);
  let records;
  if (ferretdbHandler === 'postgresql') {
    records = await startServers([postgresServer, kafkaServer], { runDir, announce });
    const postgresUrl = Object.assign({}, ...records.map((record) => record.env)).DATABASE_URL;
    const ferretdbUrl = await createDatabase(postgresUrl, 'ferretdb');
    records = [...records, ...(await startServers([ferretdbServerOnPostgres(ferretdbUrl)], { runDir, announce }))];
  } else {
    records = await startServers([postgresServer, kafkaServer, ferretdbServer], { runDir, announce });
  }
  const env = Object.assign({}, ...records.map((record) => record.env));
  const onExit = () => {
    for (const record of records) {
      try {
        process.kill(-record.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', onExit);
  return {
    env,
    records,
    runDir,
    stop: async () => {
      await stopServers(records, { announce: (line) => log(`infra: ${line}`) });
      process.removeListener('exit', onExit);
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
};

const withPg = async (url, work) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A new database on the server; returns its URL. */
const createDatabase = async (serverUrl, name) => {
  await withPg(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The service logs a line per request at info (as deployed): its output goes
 * to a file, not through the bench, and readiness is its /health/live answer.
 */
const startService = async (env, logFile) => {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [distEntry('opportunities-service')], { env: { PATH: process.env.PATH ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`opportunities-service exited:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    const live = (await getUrl(`${url}/health/live`)).status === 200;
    if (live) break;
    if (Date.now() > deadline) throw new Error(`opportunities-service did not answer /health/live within 60 s:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: 'opportunities-service', pid: child.pid, url, exited, rss: () => rssMiB(child.pid),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** Relay or projections: ready once it logs its HTTP port (it comes after the consumers/feed have started). */
const startWorker = async (app, env, ready) => {
  const worker = spawnNode(app, distEntry(app), env);
  const listening = worker.waitForLine(/listening on http:\/\/[^:]+:(\d+)/);
  await worker.waitForLine(ready);
  const [, port] = await listening;
  return { ...worker, url: `http://127.0.0.1:${port}` };
};

module.exports = { root, distEntry, rssMiB, spawnNode, startInfrastructure, withPg, createDatabase, startService, startWorker };
