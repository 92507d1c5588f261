#!/usr/bin/env node
// Writes a seeded dataset (generator.js) through the real HTTP API, as a
// client app would: first the customers (customers API), then every
// opportunity as one open command and its steps in order, many in parallel.
//   node tools/bench/generate.js --url http://127.0.0.1:3000 --seed 42 --opportunities 1000 [--tenants 3] [--concurrency 32]
//     (`npm start` serves both APIs on one port; for separate services add
//     --customers-url http://customers-service:3000, or --no-customers to
//     reference customers no service knows, as the bench does)
//   node tools/bench/generate.js --seed 42 --opportunities 1000 --dry-run   (sizes and a sample, no writes)
// Progress goes to stderr every few seconds.
const { createHash } = require('node:crypto');
const { generateDirectory, generateOpportunity, customerRegistration } = require('./generator');
const { createClient, forEachConcurrently } = require('./http-load');

const headersFor = (tenantId) => ({ 'x-tenant-id': tenantId, 'x-user-id': 'bench-generator' });

/**
 * Sends every opportunity of the plan; resolves to counts. A non-2xx answer
 * is a failure of the bench (the plan only holds valid commands), so it
 * throws with the problem body rather than carrying on with a partial dataset.
 */
const loadDataset = async ({ url, customersUrl, options, concurrency = 32, progress = () => undefined, progressEveryMs = 3_000 }) => {
  const directory = generateDirectory(options);
  const count = directory.options.opportunities;
  const customerIds = customersUrl ? await registerCustomers({ url: customersUrl, directory, concurrency, progress }) : new Map();
  const client = createClient(url, { maxSockets: concurrency });
  const started = Date.now();
  let opportunities = 0;
  let commands = 0;
  let lastReport = started;
  const report = (final) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = commands / Math.max(seconds, 0.001);
    const eta = opportunities > 0 ? ((count - opportunities) * seconds) / opportunities : 0;
    progress(`loaded ${opportunities}/${count} opportunities, ${commands} commands (${Math.round(rate)} commands/s)${final ? ` in ${seconds.toFixed(1)} s` : `, eta ${Math.ceil(eta)} s`}`);
    lastReport = Date.now();
  };
  const post = async (tenantId, path, body) => {
    const response = await client.send('POST', path, { headers: headersFor(tenantId), body });
    if (response.status < 200 || response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${response.text.slice(0, 300)}`);
    commands++;
    return response.body;
  };
  const positions = [];
  try {
    await forEachConcurrently(count, concurrency, async (index) => {
      const plan = generateOpportunity(directory, index);
      const opened = await post(plan.tenantId, '/api/v1/opportunities', { ...plan.open, customerId: customerIds.get(plan.open.customerId) ?? plan.open.customerId });
      let position = opened.position;
      for (const step of plan.steps) position = (await post(plan.tenantId, `/api/v1/opportunities/${opened.opportunityId}/${step.command}`, step.body)).position;
      positions.push(position);
      opportunities++;
      if (Date.now() - lastReport >= progressEveryMs) report(false);
    });
  } finally {
    client.close();
  }
  report(true);
  return { customers: customerIds.size, opportunities, commands, seconds: (Date.now() - started) / 1000, lastPosition: Math.max(0, ...positions), tenants: directory.tenants.map((t) => t.id) };
};

/**
 * Registers every customer of the directory and answers generated id →
 * the id the customers API gave it. The Idempotency-Key is the generated id
 * and a digest of the request, so the API derives the same customer id on a
 * re-run with the same options (and on a retry) and registers nothing twice.
 * Other sizes draw other customers under the same generated ids; the digest
 * makes those new customers rather than a refused reuse of the key.
 */
const registerCustomers = async ({ url, directory, concurrency, progress }) => {
  const customers = directory.tenants.flatMap((tenant) => tenant.customers.map((customer, index) => ({ tenant, customer, index })));
  const client = createClient(url, { maxSockets: concurrency });
  const ids = new Map();
  const started = Date.now();
  try {
    await forEachConcurrently(customers.length, concurrency, async (n) => {
      const { tenant, customer, index } = customers[n];
      const body = customerRegistration(tenant, index);
      const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
      const response = await client.send('POST', '/api/v1/customers', {
        headers: { ...headersFor(tenant.id), 'idempotency-key': `${customer.id}-${digest}` },
        body,
      });
      if (response.status === 404) throw new Error(`POST ${url}/api/v1/customers: 404, no customers API there: pass --customers-url of the customers service, or --no-customers`);
      if (response.status < 200 || response.status >= 300) throw new Error(`POST /api/v1/customers: ${response.status} ${response.text.slice(0, 300)}`);
      ids.set(customer.id, response.body.customerId);
    });
  } finally {
    client.close();
  }
  progress(`registered ${ids.size} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids;
};

const parseArgs = (argv) => {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    const name = flag.slice(2);
    if (name === 'dry-run') args.dryRun = true;
    else if (name === 'no-customers') args.noCustomers = true;
    else args[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = inline ?? argv[++i];
  }
  return args;
};

const numeric = ['seed', 'opportunities', 'tenants', 'teamsPerTenant', 'repsPerTeam', 'opportunitiesPerCustomer', 'activitiesPerStage', 'concurrency'];

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  for (const name of numeric) if (args[name] !== undefined) args[name] = Number(args[name]);
  const { url, customersUrl, noCustomers, dryRun, concurrency, ...options } = args;
  if (dryRun) {
    const directory = generateDirectory(options);
    let events = 0;
    for (let i = 0; i < directory.options.opportunities; i++) events += 1 + generateOpportunity(directory, i).steps.length;
    const summary = directory.tenants.map((t) => ({ tenant: t.id, teams: t.teams.length, reps: t.reps.length, customers: t.customers.length }));
    process.stdout.write(`${JSON.stringify({ options: directory.options, tenants: summary, events, sample: generateOpportunity(directory, 0) }, null, 2)}\n`);
    return;
  }
  if (!url) throw new Error('--url of the opportunities service is required (or --dry-run)');
  const result = await loadDataset({ url, customersUrl: noCustomers ? undefined : customersUrl ?? url, options, concurrency, progress: (line) => process.stderr.write(`[generate] ${line}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}

module.exports = { loadDataset, registerCustomers, parseArgs };
