#!/usr/bin/env node
// Real components for tests and local runs, without Docker:
//   node tools/infra/infra.js install   fetch Kafka's jars and build FerretDB into .infra/cache (once)
//   node tools/infra/infra.js up        start PostgreSQL, Kafka and FerretDB on free loopback ports
//   node tools/infra/infra.js env       print the export lines of the running set
//   node tools/infra/infra.js down      stop them and remove .infra/run
// Servers run detached; .infra/run/state.json records their pids, ports and
// URLs. stdout carries only `export …` lines, so `eval "$(node tools/infra/infra.js up)"` works;
// progress and errors go to stderr.
const fs = require('node:fs');
const { setTimeout: sleep } = require('node:timers/promises');
const path = require('node:path');
const { kafkaServer, installKafka } = require('./kafka');
const { ferretdbServer, installFerretDB } = require('./ferretdb');
const { postgresServer } = require('./postgres');
const { log, seconds, isAlive } = require('./processes');
const { root, startServers, stopServers, answers } = require('./servers');

const servers = [postgresServer, kafkaServer, ferretdbServer];
const runDir = path.join(root, '.infra', 'run');
const stateFile = path.join(runDir, 'state.json');
const lockFile = path.join(root, '.infra', 'up.lock');

const readState = () => {
  try {
    return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  } catch {
    return undefined;
  }
};

const exportsOf = (state) =>
  state.servers.flatMap((record) => Object.entries(record.env)).map(([name, value]) => `export ${name}=${value}`).join('\n');

/** True when every recorded server is alive, still ours, and answers a client. */
const allAnswer = async (state) => {
  const checks = await Promise.all(servers.map((server) => {
    const record = state.servers.find((candidate) => candidate.key === server.key);
    return record ? answers(server, record) : false;
  }));
  return checks.every(Boolean);
};

/**
 * One `up` or `down` at a time: a second `up` started while the first is still
 * booting waits for it and then finds the set running, instead of starting
 * another. A lock left by a dead process is taken over.
 */
const withLock = async (work) => {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + 5 * 60_000; // covers a first-time FerretDB build
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (!holder || !isAlive(holder)) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`Another infra command (pid ${holder}) still holds ${lockFile}.`);
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
};

const install = async () => {
  const started = Date.now();
  await Promise.all([installKafka(root), installFerretDB(root), postgresServer.install(root)]);
  log(`components installed in .infra/cache (${seconds(started)})`);
};

const down = async () => {
  const state = readState();
  if (state) await stopServers(state.servers);
  else log('nothing recorded in .infra/run/state.json');
  fs.rmSync(runDir, { recursive: true, force: true });
};

const up = async () => {
  const existing = readState();
  if (existing) {
    if (await allAnswer(existing)) {
      log('already running (npm run infra:down stops them)');
      return existing;
    }
    log('a previous set is incomplete; stopping what is left of it');
    await down();
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  const started = Date.now();
  const records = await startServers(servers, { runDir });
  const state = { startedAt: new Date().toISOString(), servers: records };
  fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  log(`all running in ${seconds(started)}; logs in ${path.relative(root, runDir)}/*.log; stop with npm run infra:down`);
  return state;
};

const commands = {
  install,
  up: () => withLock(async () => console.log(exportsOf(await up()))),
  down: () => withLock(down),
  env: async () => {
    const state = readState();
    if (!state || !(await allAnswer(state))) throw new Error('Not running (or not all answering): npm run infra:up');
    console.log(exportsOf(state));
  },
};

const main = async () => {
  const command = commands[process.argv[2]];
  if (!command) {
    console.error('usage: node tools/infra/infra.js install|up|env|down');
    process.exit(2);
  }
  try {
    await command();
  } catch (error) {
    console.error(`[infra] ${process.argv[2]} failed: ${error.message}`);
    process.exit(1);
  }
};

main();
