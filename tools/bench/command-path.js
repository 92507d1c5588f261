// Stage 1: the command path (HTTP → validation → decide → append to
// PostgreSQL), open loop, against its baseline: raw single-row INSERTs into a
// table of the same shape on the same server with the same durability settings.
const { Pool } = require('pg');
const { performance } = require('node:perf_hooks');
const { openLoop, forEachConcurrently, summarize } = require('./http-load');

const loadTenant = 'bench-load';
const headers = { 'x-tenant-id': loadTenant, 'x-user-id': 'bench' };

const openBody = (i) => ({
  customerId: `bench-cus-${i % 5000}`, name: `Bench deal ${i}`, ownerId: `bench-rep-${i % 40}`, amount: { amount: 1000 + (i % 9000), currency: 'EUR' },
  expectedCloseDate: '2027-06-30', sourceChannel: 'webinar', productLine: 'crm-core', region: ['emea', 'amer', 'apac'][i % 3],
});
const activityBody = (i) => ({ kind: ['call', 'email', 'meeting', 'note'][i % 4], subject: `Bench activity ${i}` });

/**
 * The command mix: one open in three (a new stream: empty read, first
 * append), two activity logs on earlier deals (read a short stream, fold,
 * append with its expected revision). Deals come from a warm-up pool and grow with it.
 */
const commandMix = (client, pool) => async (i) => {
  if (i % 3 === 0) {
    const response = await client.send('POST', '/api/v1/opportunities', { headers, body: openBody(i) });
    if (response.status === 201 || response.status === 200) {
      pool.push(response.body.opportunityId);
      return true;
    }
    return `open ${response.status}`;
  }
  const id = pool[(i * 7919) % pool.length];
  const response = await client.send('POST', `/api/v1/opportunities/${id}/log-activity`, { headers, body: activityBody(i) });
  return response.status >= 200 && response.status < 300 ? true : `log-activity ${response.status} ${response.body?.code ?? ''}`;
};

const warmUp = async (client, pool, count) => {
  await forEachConcurrently(count, 16, async (i) => {
    const response = await client.send('POST', '/api/v1/opportunities', { headers, body: openBody(i) });
    if (response.status >= 300) throw new Error(`warm-up open: ${response.status} ${response.text.slice(0, 300)}`);
    pool.push(response.body.opportunityId);
  });
};

const sustained = (step, maxP99Ms) => step.achievedRate >= 0.95 * step.offeredRate && step.failed <= 0.01 * step.sent && (step.latencyMs.p99 ?? Infinity) <= maxP99Ms;

/**
 * Steps the offered rate up by `factor` until a step is not sustained
 * (achieved < 95 % of offered, > 1 % errors, or p99 above `maxP99Ms`), then
 * tries once between the last good and the first bad rate.
 */
const findMaxRate = async ({ fire, startRate, factor, stepSeconds, maxSteps, maxP99Ms, log }) => {
  const steps = [];
  let good;
  let bad;
  for (let rate = startRate, n = 0; n < maxSteps; n++, rate = Math.round(rate * factor)) {
    const step = await openLoop({ rate, seconds: stepSeconds, fire });
    step.sustained = sustained(step, maxP99Ms);
    steps.push(step);
    log(`  ${rate}/s offered: ${step.achievedRate}/s done, ${step.failed} failed, p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms → ${step.sustained ? 'sustained' : 'NOT sustained'}`);
    if (step.sustained) good = rate;
    else {
      bad = rate;
      break;
    }
  }
  if (good !== undefined && bad !== undefined) {
    const rate = Math.round(Math.sqrt(good * bad));
    if (rate > good && rate < bad) {
      const step = await openLoop({ rate, seconds: stepSeconds, fire });
      step.sustained = sustained(step, maxP99Ms);
      steps.push(step);
      log(`  ${rate}/s offered: ${step.achievedRate}/s done, ${step.failed} failed, p99 ${step.latencyMs.p99} ms → ${step.sustained ? 'sustained' : 'NOT sustained'}`);
      if (step.sustained) good = rate;
    }
  }
  return { maxRate: good ?? 0, capped: bad === undefined, steps };
};

/** Durability settings that decide the cost of a commit, reported with the figures. */
const postgresSettings = async (pool) => {
  const names = ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'commit_delay', 'shared_buffers', 'server_version'];
  const settings = {};
  for (const name of names) settings[name] = (await pool.query(`SHOW ${name}`)).rows[0][name];
  return settings;
};

/**
 * Baseline: `connections` clients (the service's pg pool size) each INSERT
 * one row per autocommit transaction, as fast as they can, for `seconds`. The
 * row copies a real event's data and metadata, into a table shaped like the store's.
 */
const insertBaseline = async ({ databaseUrl, connections, seconds }) => {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  try {
    const sample = (await pool.query('SELECT data, metadata FROM events ORDER BY global_position DESC LIMIT 1')).rows[0] ?? { data: {}, metadata: {} };
    await pool.query(`CREATE TABLE IF NOT EXISTS bench_insert_baseline (LIKE events INCLUDING ALL)`);
    const settings = await postgresSettings(pool);
    const data = JSON.stringify(sample.data);
    const metadata = JSON.stringify(sample.metadata);
    let inserted = 0;
    let next = 1;
    const latencies = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const n = next++;
          const sent = performance.now();
          await client.query(
            `INSERT INTO bench_insert_baseline (global_position, stream_id, revision, event_id, type, data, metadata, tenant_id, transaction_id)
             VALUES ($1, $2, 0, gen_random_uuid(), 'OpportunityActivityLogged', $3, $4, 'bench-load', pg_current_xact_id())`,
            [n, `opportunity-baseline-${n}`, data, metadata],
          );
          inserted++;
          latencies.push(performance.now() - sent);
        }
      } finally {
        client.release();
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    return { insertsPerSecond: Math.round(inserted / elapsed), latencyMs: summarize(latencies), inserted, seconds: Math.round(elapsed * 10) / 10, connections, settings };
  } finally {
    await pool.query('DROP TABLE IF EXISTS bench_insert_baseline').catch(() => undefined);
    await pool.end();
  }
};

module.exports = { commandMix, warmUp, findMaxRate, insertBaseline, loadTenant };
