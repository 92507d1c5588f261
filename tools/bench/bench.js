#!/usr/bin/env node
// `npm run bench` (full) and `npm run bench:short` (CI: every stage with tiny
// numbers; fails only when something does not work, never on a timing).
// Starts its own PostgreSQL, Kafka and FerretDB (tools/infra) and the built
// service, relay and projections, then measures each stage beside a baseline
// and prints one table; results go to bench-results/<time>.json.
// Sizes: flags or environment, see `settingsFrom` (e.g. --opportunities 20000 or BENCH_OPPORTUNITIES=20000).
const { execFileSync, spawn } = require('node:child_process');
const { setTimeout, setInterval, clearInterval } = require('node:timers');
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { root, rssMiB, startInfrastructure, createDatabase, startService } = require('./stack');
const { createClient, openLoop } = require('./http-load');
const { commandMix, warmUp, findMaxRate, insertBaseline } = require('./command-path');
const { measureRelay, producerBaseline, measureProjections, measureRebuild, upsertBaseline, storeCount, untilProjectionsCaughtUp } = require('./pipeline');
const { measureLag, measureQuery, queryBaseline, untilDatabaseIdle } = require('./lag-and-queries');
const { loadDataset, parseArgs } = require('./generate');
const { rowsOf, incompleteFigures, table, machine, writeJson } = require('./report');
const { measuringCpu } = require('./cpu');

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

const profiles = {
  short: { opportunities: 20, tenants: 3, warmUp: 20, startRate: 20, factor: 2, stepSeconds: 2, maxSteps: 3, loadSeconds: 2, idleProbes: 3, queryRate: 10, querySeconds: 2, timeoutMs: 300_000, baselineSeconds: 2, rebuild: 'sales-funnel' },
  full: { opportunities: 100_000, tenants: 5, warmUp: 2_000, startRate: 200, factor: 1.4, stepSeconds: 10, maxSteps: 12, loadSeconds: 30, idleProbes: 20, queryRate: 100, querySeconds: 20, timeoutMs: 3_600_000, baselineSeconds: 10, rebuild: 'sales-funnel,opportunity-list' },
};

const settingsFrom = (argv, env) => {
  const args = parseArgs(argv.filter((a) => a !== '--short' && a !== '--no-build'));
  const mode = argv.includes('--short') || env.BENCH_SHORT === '1' ? 'short' : 'full';
  const settings = { ...profiles[mode], mode, seed: 42, concurrency: 32, maxP99Ms: 1_000, serviceLogLevel: 'info', ferretdbHandler: 'postgresql', build: !argv.includes('--no-build') && env.BENCH_NO_BUILD !== '1' };
  for (const key of Object.keys(settings)) {
    const envName = `BENCH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    const raw = args[key] ?? env[envName];
    if (raw !== undefined && typeof settings[key] !== 'boolean') settings[key] = typeof settings[key] === 'number' ? Number(raw) : raw;
  }
  return settings;
};

/** Builds when dist/ is missing or older than any source file under apps/ or libs/. */
const ensureBuilt = (build) => {
  const newest = (dir) => {
    let latest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) latest = Math.max(latest, newest(full));
      else if (entry.name.endsWith('.ts')) latest = Math.max(latest, fs.statSync(full).mtimeMs);
    }
    return latest;
  };
  const marker = path.join(root, 'dist', 'apps', 'projections', 'src', 'main.js');
  const stale = !fs.existsSync(marker) || Math.max(newest(path.join(root, 'apps')), newest(path.join(root, 'libs'))) > fs.statSync(marker).mtimeMs;
  if (!stale) return;
  if (!build) return log('dist/ looks stale, but --no-build was given: using it as it is');
  log('building (dist/ is missing or older than the sources)…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
};

/**
 * A process's RSS samples (one a second). Its peak in the second half of its
 * life against the first: a process that keeps what it handled grows from one
 * half to the next, one whose memory follows its work does not (the halves'
 * work differs, so the peaks per stage are kept as well, for the story).
 */
const memoryOf = (samples, stages) => {
  const values = samples.map(([, v]) => v);
  const half = Math.floor(values.length / 2);
  const peak = (part) => (part.length > 0 ? Math.max(...part) : undefined);
  const peakPerStage = Object.fromEntries(Object.entries(stages).map(([stage, { from, to }]) => [stage, peak(samples.filter(([at]) => at >= from && at <= to).map(([, v]) => v))]).filter(([, v]) => v !== undefined));
  return { endMiB: values[values.length - 1], peakMiB: peak(values), firstHalfPeakMiB: peak(values.slice(0, half)), secondHalfPeakMiB: peak(values.slice(half)), peakPerStage, samples: values.length, series: samples.filter((_, i) => i % 10 === 0) };
};

/** Baseline for memory: a node process that does nothing. */
const idleNodeRss = async () => {
  const idle = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rss = rssMiB(idle.pid);
  idle.kill('SIGKILL');
  return rss;
};

/** A baseline that fails is recorded and fails the run at the end, but the other figures are still measured. */
const baselineOf = async (name, results, work) => {
  try {
    return await work();
  } catch (error) {
    log(`baseline ${name} FAILED: ${error.message}`);
    results.baselineFailures = [...(results.baselineFailures ?? []), `${name}: ${error.message}`];
    return undefined;
  }
};

const main = async () => {
  const settings = settingsFrom(process.argv.slice(2), process.env);
  const results = { startedAt: new Date().toISOString(), mode: settings.mode, settings, machine: machine() };
  log(`mode ${settings.mode}: ${JSON.stringify(settings)}`);
  ensureBuilt(settings.build);
  const runId = randomBytes(3).toString('hex');
  const processes = [];
  // Ctrl-C or a kill: node's default for these signals exits at once, which
  // left PostgreSQL, Kafka and FerretDB running; stop what the bench started.
  // A signal while the servers are still starting waits for them to be up
  // (their handles come back only then), then stops them; a second signal
  // gets node's default, an immediate exit.
  let infra;
  let sampler;
  let signalled;
  const stopEverything = async () => {
    clearInterval(sampler);
    for (const p of [...processes].reverse()) await p.stop('SIGTERM').catch(() => undefined);
    await infra?.stop().catch((error) => log(`stopping the servers: ${error.message}`));
    process.exit(130);
  };
  const onSignal = (signal) => {
    signalled = signal;
    if (!infra) return log(`${signal}: stopping once the servers being started are up (again to exit at once)`);
    log(`${signal}: stopping the processes and servers the bench started`);
    void stopEverything();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  infra = await startInfrastructure(log, { ferretdbHandler: settings.ferretdbHandler });
  if (signalled) {
    log(`${signalled}: the servers are up; stopping them`);
    return stopEverything();
  }
  const memory = new Map();
  sampler = setInterval(() => {
    for (const p of processes) {
      const rss = p.rss();
      if (rss === undefined) continue;
      const m = memory.get(p.name) ?? { samples: [] };
      m.samples.push([Date.now(), rss]);
      memory.set(p.name, m);
    }
  }, 1_000);
  let failed = false;
  const cpu = (stage, work) => measuringCpu(results, stage, log, work);
  try {
    const databaseUrl = await createDatabase(infra.env.DATABASE_URL, `bench_${runId}`);
    const mongodbUrl = `${infra.env.MONGODB_URL}bench_${runId}`;
    const prefix = `bench-${runId}.`;
    const brokers = infra.env.KAFKA_BROKERS.split(',');
    const common = { EVENTSTORE_URL: databaseUrl, KAFKA_BROKERS: infra.env.KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: prefix, MONGODB_URL: mongodbUrl, LOG_LEVEL: 'warn' };
    results.settings.components = { logLevel: `service ${settings.serviceLogLevel} (a line per request, to a file), relay and projections info`, relayBatchSize: 500, relayPollIntervalMs: 50, kafkaAcks: 'all (-1), idempotent producer, 1 request in flight', topicPartitions: 6, pgPoolPerProcess: 10, projections: 'partition fetches of 4 MiB applied in chunks of up to 2,000 events (applyEvents: one read per 200 ids, new documents in bulk inserts, the rest one guarded write each), two partitions at once per read model, at most 4 store writes in flight each; rebuilds fold the history in memory and bulk-insert', readStore: `FerretDB v1.24.2 patched (tools/infra/ferretdb-patches), ${settings.ferretdbHandler} handler`, projectionsBaseline: 'single-document replaceOne upserts by _id, 4 in flight' };

    const service = await startService({ ...common, LOG_LEVEL: settings.serviceLogLevel, READ_WAIT_MAX_MS: '15000' }, path.join(infra.runDir, 'opportunities-service.log'));
    processes.push(service);
    const client = createClient(service.url, { maxSockets: 512 });

    log('1. command path');
    const pool = [];
    await warmUp(client, pool, settings.warmUp);
    const baseline = await insertBaseline({ databaseUrl, connections: 10, seconds: settings.baselineSeconds });
    log(`  baseline: ${baseline.insertsPerSecond} raw INSERTs/s (fsync=${baseline.settings.fsync}, synchronous_commit=${baseline.settings.synchronous_commit})`);
    const fire = commandMix(client, pool);
    const search = await cpu('command path: rate search', () => findMaxRate({ fire, startRate: settings.startRate, factor: settings.factor, stepSeconds: settings.stepSeconds, maxSteps: settings.maxSteps, maxP99Ms: settings.maxP99Ms, log }));
    const rate70 = Math.max(1, Math.round(search.maxRate * 0.7));
    const at70 = await cpu('command path at 70%', () => openLoop({ rate: rate70, seconds: settings.loadSeconds, fire }));
    log(`  at 70% (${rate70}/s): p50 ${at70.latencyMs.p50} ms, p99 ${at70.latencyMs.p99} ms, p99.9 ${at70.latencyMs.p999} ms, ${at70.failed} failed`);
    results.commandPath = { maxRate: search.maxRate, capped: search.capped, steps: search.steps, at70, baseline, baselineLatencyMs: baseline.latencyMs };
    if (search.maxRate === 0) throw new Error(`the command path sustained no rate at all: ${JSON.stringify(search.steps[0]?.errors)}`);

    log(`2. loading ${settings.opportunities} opportunities (seed ${settings.seed}) through the HTTP API`);
    // No customersUrl: only the opportunities service runs here, so the deals name generated customer ids.
    results.dataset = await cpu('loading the data', () => loadDataset({ url: service.url, options: { seed: settings.seed, opportunities: settings.opportunities, tenants: settings.tenants }, concurrency: settings.concurrency, progress: (line) => log(`  ${line}`) }));
    const events = await storeCount(databaseUrl);
    results.dataset.eventsInStore = events;

    log(`3. relay: ${events} events from the store to Kafka`);
    // Each worker is sampled (RSS) and stopped from the moment it has started, not once its stage is over.
    const relayed = await cpu('relay', () => measureRelay({ env: { ...common, LOG_LEVEL: 'info', RELAY_HTTP_PORT: '0', RELAY_POLL_INTERVAL_MS: '50', RELAY_CHECKPOINT_NAME: `bench-${runId}` }, databaseUrl, timeoutMs: settings.timeoutMs, log, onStarted: (relay) => processes.push(relay) }));
    results.relay = relayed.result;
    results.relayBaseline = await baselineOf('relay', results, () => producerBaseline({ brokers, databaseUrl, topic: `${prefix}baseline`, batchSize: 500, limit: Math.min(events, 200_000) }));
    log(`  relay ${results.relay.eventsPerSecond} events/s; bare producer ${results.relayBaseline?.eventsPerSecond} events/s`);

    log('4. projections, live from Kafka');
    // PROJECTIONS_* settings of the bench's own environment reach the projections (tuning experiments; the JSON records them).
    const tuning = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('PROJECTIONS_')));
    results.settings.projectionsTuning = tuning;
    const projectionsEnv = { ...common, LOG_LEVEL: 'info', PROJECTIONS_HTTP_PORT: '0', PROJECTIONS_LAG_INTERVAL_MS: '500', PROJECTIONS_FOLLOW_INTERVAL_MS: '1000', ...tuning };
    const projected = await cpu('projections live', () => measureProjections({ env: projectionsEnv, brokers, prefix, events, timeoutMs: settings.timeoutMs, log, onStarted: (projections) => processes.push(projections) }));
    results.projections = projected.result;
    results.projectionsBaseline = await baselineOf('projections', results, () => upsertBaseline({ mongodbServerUrl: infra.env.MONGODB_URL, database: `bench_${runId}`, count: Math.min(events, 50_000), inFlight: 4 }));
    log(`  projections ${results.projections.eventsPerSecond} events/s; bare single-document upserts ${results.projectionsBaseline?.upsertsPerSecond}/s`);

    results.rebuilds = [];
    for (const readModel of settings.rebuild.split(',').filter(Boolean)) {
      log(`5. rebuild ${readModel} from the event store`);
      results.rebuilds.push(await cpu(`rebuild ${readModel}`, () => measureRebuild({ env: projectionsEnv, readModel, timeoutMs: settings.timeoutMs, log })));
    }

    // With the relay and the projections following every command, the machine sustains less than the command path alone:
    // the lag is measured at 70 % of what it sustains so (measured the same way), beside the rate of stage 1.
    log('6. the command path again, with the relay and projections following it');
    // After the rebuilds: let the server finish what they left (the old generations' removal) before timing anything.
    await untilDatabaseIdle(databaseUrl);
    await openLoop({ rate: settings.startRate, seconds: Math.min(settings.stepSeconds, 3), fire });
    const withPipeline = await cpu('command path with the pipeline: rate search', () => findMaxRate({ fire, startRate: settings.startRate, factor: settings.factor, stepSeconds: settings.stepSeconds, maxSteps: settings.maxSteps, maxP99Ms: settings.maxP99Ms, log }));
    results.pipelineCommandPath = { maxRate: withPipeline.maxRate, capped: withPipeline.capped, steps: withPipeline.steps };
    const lagRate = Math.max(1, Math.round(withPipeline.maxRate * 0.7));
    log(`7. read-model lag, idle and at 70% of that (${lagRate}/s)`);
    results.lagDrainSeconds = await untilProjectionsCaughtUp({ projectionsUrl: projected.projections.url, brokers, prefix });
    log(`  the projections caught up with the rate search in ${results.lagDrainSeconds} s`);
    results.lag = await measureLag({ client, runId, idleProbes: settings.idleProbes, load: () => cpu('commands at 70% with the pipeline', () => openLoop({ rate: lagRate, seconds: settings.loadSeconds, fire })) });
    log(`  lag idle p50 ${results.lag.idle.p50} ms; under load p50 ${results.lag.underLoad.p50} ms, p99 ${results.lag.underLoad.p99} ms`);
    // A probe still invisible after its timeout is a measurement (lag beyond it: the table says how many), not a failure; none seen at all is.
    if (results.lag.idle.count === 0 || results.lag.underLoad.count === 0) throw new Error(`lag probes did not see their deals in the funnel: ${JSON.stringify(results.lag)}`);

    const bigTenant = results.dataset.tenants[0];
    log(`8. queries for ${bigTenant}: the funnel at ${settings.queryRate}/s, the list one at a time`);
    // Each endpoint, then the bare driver's same reads, each after the server has finished what the last one left running.
    const http = {};
    const bare = { collections: {} };
    for (const query of ['funnel', 'list']) {
      await untilDatabaseIdle(databaseUrl);
      http[query] = await cpu(`${query} query`, () => measureQuery({ client, tenantId: bigTenant, rate: settings.queryRate, seconds: settings.querySeconds, query }));
      await untilDatabaseIdle(databaseUrl);
      const baseline = await baselineOf(`${query} query`, results, () => queryBaseline({ mongodbServerUrl: infra.env.MONGODB_URL, database: `bench_${runId}`, tenantId: bigTenant, rate: settings.queryRate, seconds: settings.querySeconds, query }));
      if (baseline !== undefined) {
        bare[query] = baseline.run;
        bare.collections[query] = baseline.collection;
      }
    }
    results.queries = { rate: settings.queryRate, tenantId: bigTenant, opportunities: settings.opportunities, http, baseline: bare };
    // Short mode checks that queries work, so any failure fails it; at full load a shed query (503) is a measurement the table reports.
    for (const q of [http.funnel, http.list]) if (q.ok === 0 || (settings.mode === 'short' && q.failed > 0)) throw new Error(`queries failed: ${JSON.stringify(q.errors)}`);

    client.close();
  } catch (error) {
    failed = true;
    results.error = error instanceof Error ? error.stack : String(error);
    log(`FAILED: ${results.error}`);
  } finally {
    clearInterval(sampler);
    // Recorded whatever failed: a run that ends early still says how its processes' memory went.
    results.memory = { baselineMiB: await idleNodeRss().catch(() => undefined), processes: Object.fromEntries([...memory].map(([name, m]) => [name, memoryOf(m.samples, results.cpu ?? {})])) };
    for (const p of processes.reverse()) await p.stop('SIGTERM').catch(() => undefined);
    await infra.stop().catch((error) => log(`stopping the servers: ${error.message}`));
  }
  results.finishedAt = new Date().toISOString();
  const file = writeJson(root, results);
  const rows = rowsOf(results);
  process.stdout.write(`\nMeridian bench (${settings.mode}), ${results.startedAt}, ${results.machine.nproc} cores, ${results.machine.cpu}\n\n${table(rows)}\n\nJSON: ${path.relative(root, file)}\n`);
  if (results.baselineFailures) process.stdout.write(`Baselines that failed: ${results.baselineFailures.join('; ')}\n`);
  const incomplete = failed ? [] : incompleteFigures(rows);
  if (incomplete.length > 0) process.stdout.write(`Incomplete: ${incomplete.join('; ')}\n`);
  process.exit(failed || results.baselineFailures || incomplete.length > 0 ? 1 : 0);
};

if (require.main === module) void main();

module.exports = { settingsFrom };
