// The figures as one table (stdout and docs/benchmarks.md) and as JSON.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ratio = (value, baseline) => (typeof value === 'number' && typeof baseline === 'number' && baseline !== 0 ? `${(value / baseline).toFixed(2)}×` : 'n/a');
const show = (value, unit) => (value === null || value === undefined ? 'n/a' : `${typeof value === 'number' ? value.toLocaleString('en-US') : value}${unit ? ` ${unit}` : ''}`);

/** Rows of [figure, value, baseline, ratio, target]. */
const rowsOf = (r) => {
  const rows = [];
  const add = (figure, value, unit, baselineValue, baselineLabel, target = '') =>
    rows.push([figure, show(value, unit), `${show(baselineValue, unit)} (${baselineLabel})`, ratio(value, baselineValue), target]);
  const cp = r.commandPath;
  if (cp) {
    add('commands: max sustainable rate', cp.maxRate, 'cmd/s', cp.baseline.insertsPerSecond, `raw INSERTs, ${cp.baseline.connections} conns`, '≥ 1,500');
    const l = cp.at70?.latencyMs ?? {};
    add(`commands @70% (${cp.at70?.offeredRate}/s): p50`, l.p50, 'ms', cp.baselineLatencyMs?.p50, 'single INSERT');
    add(`commands @70%: p99`, l.p99, 'ms', cp.baselineLatencyMs?.p99, 'single INSERT', '≤ 50 ms');
    add(`commands @70%: p99.9`, l.p999, 'ms', cp.baselineLatencyMs?.p999, 'single INSERT');
  }
  if (r.relay) add('relay: store → Kafka', r.relay.eventsPerSecond, 'events/s', r.relayBaseline?.eventsPerSecond, 'bare kafkajs producer');
  if (r.projections) add(`projections live (${r.projections.readModels} read models)`, r.projections.eventsPerSecond, 'events/s', r.projectionsBaseline?.upsertsPerSecond, 'bare single-document upserts', '≥ 2,000 and ≥ 3×');
  for (const rebuild of r.rebuilds ?? []) add(`projections rebuild ${rebuild.readModel}`, rebuild.eventsPerSecond, 'events/s', r.projectionsBaseline?.upsertsPerSecond, 'bare single-document upserts', '≥ 10,000');
  if (r.pipelineCommandPath) add('commands with the relay and projections running: max sustainable rate', r.pipelineCommandPath.maxRate, 'cmd/s', cp?.maxRate, 'command path alone');
  if (r.lag) {
    add(`read-model lag @70% (${r.lag.load?.offeredRate}/s): p50`, r.lag.underLoad.p50, 'ms', r.lag.idle.p50, 'lag at idle');
    const beyond = r.lag.underLoad.timeouts > 0 ? ` (${r.lag.underLoad.timeouts} of ${r.lag.underLoad.count + r.lag.underLoad.timeouts} probes not visible within ${show(r.lag.underLoad.timeoutMs, 'ms')})` : '';
    add(`read-model lag @70%: p99${beyond}`, r.lag.underLoad.p99, 'ms', r.lag.idle.p99, 'lag at idle', '≤ 250 ms');
  }
  if (r.queries) {
    const q = r.queries;
    add(`funnel query @${q.rate}/s: p50`, q.http.funnel.latencyMs.p50, 'ms', q.baseline?.funnel?.latencyMs.p50, 'bare driver, same reads');
    const failures = (run) => (run.failed > 0 ? ` (${run.failed.toLocaleString('en-US')} of ${run.sent.toLocaleString('en-US')} failed)` : '');
    add(`funnel query @${q.rate}/s: p99${failures(q.http.funnel)}`, q.http.funnel.latencyMs.p99, 'ms', q.baseline?.funnel?.latencyMs.p99, 'bare driver, same reads', '≤ 20 ms');
    // The list is driven one call at a time (a scan per call on FerretDB; lag-and-queries.js): its rate is a figure too.
    add('list query, one at a time: queries/s', q.http.list.achievedRate, '/s', q.baseline?.list?.achievedRate, 'bare driver find, one at a time');
    add('list query, one at a time: p50', q.http.list.latencyMs.p50, 'ms', q.baseline?.list?.latencyMs.p50, 'bare driver find');
    add(`list query, one at a time: p99${failures(q.http.list)}`, q.http.list.latencyMs.p99, 'ms', q.baseline?.list?.latencyMs.p99, 'bare driver find', '≤ 1.5×');
  }
  for (const [name, m] of Object.entries(r.memory?.processes ?? {})) {
    add(`RSS ${name}: peak in the second half of its life (an idle node: ${show(r.memory.baselineMiB, 'MiB')})`, m.secondHalfPeakMiB, 'MiB', m.firstHalfPeakMiB, 'peak in its first half', 'flat (≈ 1.00× or less)');
  }
  return rows;
};

/**
 * The short mode's check that the bench works: every stage has produced its
 * rows, and each row a value, a baseline and a ratio. It never judges a value
 * against its target (timings vary too much between machines to gate on).
 */
const expectedStages = ['commands: max sustainable rate', 'commands with the relay and projections running', 'relay:', 'projections live', 'projections rebuild', 'read-model lag', 'funnel query', 'list query', 'RSS '];
const incompleteFigures = (rows) => [
  ...expectedStages.filter((prefix) => !rows.some(([figure]) => figure.startsWith(prefix))).map((prefix) => `no "${prefix.trim()}" figure`),
  ...rows.filter(([, value, baseline, ratioText]) => value === 'n/a' || baseline.startsWith('n/a') || ratioText === 'n/a').map(([figure]) => `"${figure}" has no value, baseline or ratio`),
];

const table = (rows) => {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const lines = [header, header.map(() => '---'), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
};

const machine = () => {
  const run = (command, args) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  };
  return {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    kernel: os.release(),
    node: process.version,
    lscpu: run('sh', ['-c', 'lscpu | head -15']),
    free: run('free', ['-g']),
  };
};

const writeJson = (root, results) => {
  const dir = path.join(root, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.startedAt.replace(/[:.]/g, '-')}${results.mode === 'short' ? '-short' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
};

module.exports = { rowsOf, incompleteFigures, table, machine, writeJson };
