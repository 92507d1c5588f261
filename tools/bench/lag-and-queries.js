// Stages 4 and 5: read-model lag (append commit → visible in the funnel
// endpoint) and query latency on the loaded read models.
const { mongo } = require('mongoose');
const { Client } = require('pg');
const { setTimeout } = require('node:timers');
const { performance } = require('node:perf_hooks');
const { openLoop, closedLoop, summarize } = require('./http-load');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 503 (`overloaded` or `shutting-down`): the service shed the request; the probe waits a little and asks again, counting it. */
const shedWaitMs = 250;

/**
 * Probes one at a time until `until()` is false: open a deal for the probe
 * tenant, note when the 201 arrives (the append has committed by then), then
 * poll the funnel every `pollMs` until its deal count includes it. A deal not
 * visible within `timeoutMs` is counted in `timeouts`, not in the percentiles.
 * Each poll is a funnel query (several reads on the read store): polling
 * faster would load the store the lag is measured on, and `pollMs` bounds
 * the error it adds instead.
 */
const probeLag = async ({ client, tenantId, until, gapMs = 100, pollMs = 20, timeoutMs = 30_000 }) => {
  const headers = { 'x-tenant-id': tenantId, 'x-user-id': 'bench-probe' };
  const lags = [];
  let timeouts = 0;
  let shed = 0;
  const send = async (method, path, options) => {
    for (;;) {
      const response = await client.send(method, path, options);
      if (response.status !== 503) return response;
      shed++;
      await sleep(shedWaitMs);
    }
  };
  let expected = (await send('GET', '/api/v1/analytics/funnel', { headers })).body?.opportunities ?? 0;
  while (until()) {
    const opened = await send('POST', '/api/v1/opportunities', {
      headers,
      body: { customerId: 'probe-cus', name: 'Lag probe', ownerId: 'probe-rep', amount: { amount: 100, currency: 'EUR' }, expectedCloseDate: '2027-01-31', sourceChannel: 'webinar', productLine: 'crm-core', region: 'emea' },
    });
    if (opened.status >= 300) throw new Error(`lag probe open: ${opened.status} ${opened.text.slice(0, 300)}`);
    const committed = performance.now();
    expected++;
    for (;;) {
      const funnel = await send('GET', '/api/v1/analytics/funnel', { headers });
      if (funnel.status !== 200) throw new Error(`lag probe funnel: ${funnel.status} ${funnel.text.slice(0, 300)}`);
      if ((funnel.body.opportunities ?? 0) >= expected) {
        lags.push(performance.now() - committed);
        break;
      }
      if (performance.now() - committed > timeoutMs) {
        timeouts++;
        break;
      }
      await sleep(pollMs);
    }
    await sleep(gapMs);
  }
  return { ...summarize(lags), timeouts, timeoutMs, shed };
};

/** Lag at idle (the baseline), then while `load()` runs (lasting its own schedule). */
const measureLag = async ({ client, runId, idleProbes, load }) => {
  let n = 0;
  const idle = await probeLag({ client, tenantId: `bench-probe-idle-${runId}`, until: () => n++ < idleProbes });
  let loading = true;
  const [loaded, underLoad] = await Promise.all([
    load().finally(() => (loading = false)),
    probeLag({ client, tenantId: `bench-probe-load-${runId}`, until: () => loading }),
  ]);
  return { idle, underLoad, load: loaded };
};

const generationOf = (name) => Number(/\.g(\d+)\./.exec(name)?.[1] ?? -1);

const ok = (response) => (response.status === 200 ? true : `${response.status} ${response.text.slice(0, 60)}`);

const listStages = ['qualified', 'proposal', 'negotiation'];

/**
 * How a query is driven: the funnel at `rate` per second (it is reads by id);
 * the list one call at a time, because on FerretDB v1 it is a scan of the
 * collection per call (no index serves a filter on other fields than _id, and
 * sort and limit run in FerretDB after it), so a fixed rate above what one
 * scan allows only measures the queue (docs/benchmarks.md).
 */
const driverOf = ({ query, rate, seconds }) => (fire) => (query === 'list' ? closedLoop({ seconds, fire, concurrency: 1 }) : openLoop({ rate, seconds, fire }));

/** The funnel or the list (`query`) over HTTP for the biggest tenant, driven as driverOf says. */
const measureQuery = async ({ client, tenantId, rate, seconds, query }) => {
  const headers = { 'x-tenant-id': tenantId, 'x-user-id': 'bench-query' };
  const path = (i) => (query === 'funnel' ? '/api/v1/analytics/funnel' : `/api/v1/opportunities?stage=${listStages[i % 3]}&sortBy=amount&direction=desc&limit=50`);
  return driverOf({ query, rate, seconds })(async (i) => ok(await client.send('GET', path(i), { headers })));
};

/**
 * Waits until the PostgreSQL server (FerretDB's backend too) runs no other
 * statement: queries a shed request had already sent run on after it, and
 * the next measurement would wait behind them.
 */
const untilDatabaseIdle = async (databaseUrl, timeoutMs = 120_000) => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query("SELECT count(*)::int AS busy FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
      if (rows[0].busy === 0 || Date.now() > deadline) return rows[0].busy;
      await sleep(200);
    }
  } finally {
    await client.end();
  }
};

/**
 * The funnel endpoint's reads, with the bare driver: the generation's lane
 * marks, the tenant's cohort counter on every lane, then the whole-funnel
 * bucket of each cohort month on every lane, all by `_id` (the endpoint sums
 * them; sales-funnel.queries.ts). Ids are `<counter id>@<lane>`, counter ids
 * the URI-encoded parts joined by `|`.
 */
const funnelReads = async (db, generation, tenantId) => {
  const lanes = (await db.collection(`sales-funnel.g${generation}.progress`).find({}).toArray()).map((mark) => mark._id);
  const counters = db.collection(`sales-funnel.g${generation}.counters`);
  const idOf = (parts) => parts.map(encodeURIComponent).join('|');
  const onLanes = (counterId) => lanes.map((lane) => `${counterId}@${lane}`);
  const cohorts = await counters.find({ _id: { $in: onLanes(idOf([tenantId, '*', 'cohorts', ''])) } }).toArray();
  const months = new Set(cohorts.flatMap((doc) => Object.entries(doc.figures?.cohorts ?? {}).filter(([, n]) => n > 0).map(([month]) => month)));
  return counters.find({ _id: { $in: [...months].flatMap((month) => onLanes(idOf([tenantId, month, 'all', '']))) } }, { projection: { figures: 1 } }).toArray();
};

/**
 * Baseline: the bare driver on the same server and data, driven the same way,
 * reading what the endpoint (`query`) reads: the funnel's counters by id
 * (funnelReads), or one page of the list collection (filter, sort, limit 50).
 */
const queryBaseline = async ({ mongodbServerUrl, database, tenantId, rate, seconds, query }) => {
  const client = new mongo.MongoClient(mongodbServerUrl, { directConnection: true, maxPoolSize: 32, serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 120_000 });
  await client.connect();
  try {
    const db = client.db(database);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    // Generation collections are `<read model>.g<n>.<documents|counters|progress>`: the newest generation is the active one after a rebuild.
    const newest = (pattern) => names.filter((n) => pattern.test(n)).sort((a, b) => generationOf(a) - generationOf(b)).pop();
    const funnelName = newest(/^sales-funnel\.g\d+\.counters$/);
    const listName = newest(/^opportunity-list\.g\d+\.documents$/);
    if (!funnelName || !listName) throw new Error(`no funnel or list collection in ${database}: ${names.join(', ')}`);
    const sample = await db.collection(listName).findOne({});
    const tenantField = sample && 'tenantId' in sample ? 'tenantId' : undefined;
    const stageField = sample && 'stage' in sample ? 'stage' : undefined;
    const amountField = sample && sample.amount && typeof sample.amount === 'object' ? 'amount.amount' : 'amount';
    const byTenant = tenantField ? { [tenantField]: tenantId } : {};
    const fire = query === 'funnel'
      ? async () => (await funnelReads(db, generationOf(funnelName), tenantId), true)
      : async (i) => (await db.collection(listName).find({ ...byTenant, ...(stageField ? { [stageField]: listStages[i % 3] } : {}) }).sort({ [amountField]: -1 }).limit(50).toArray(), true);
    return { collection: query === 'funnel' ? funnelName : listName, run: await driverOf({ query, rate, seconds })(fire) };
  } finally {
    await client.close();
  }
};

module.exports = { measureLag, measureQuery, queryBaseline, untilDatabaseIdle };
