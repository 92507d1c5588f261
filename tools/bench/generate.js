#!/usr/bin/env node
// Writes a seeded dataset (generator.js) through the real HTTP API, as a
// client app would: first the customers (customers API), then every
// opportunity as one open command and its steps in order, many in parallel.
//   node tools/bench/generate.js --url http://127.0.0.1:3000 --seed 42 --opportunities 1000 [--tenants 3] [--concurrency 32]
//     (`npm start` serves both APIs on one port; for separate services add
//     --customers-url http://customers-service:3000, or --no-customers to
//     reference customers no service knows, as the bench does)
//   node tools/bench/generate.js --seed 42 --opportunities 1000 --dry-run   (sizes and a sample, no writes)
// Progress goes to stderr every few seconds. --help lists every option.
const { createHash } = require('node:crypto');
const { generateDirectory, generateOpportunity, customerRegistration, defaults } = require('./generator');
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

/**
 * The options generate.js itself takes (bench.js shares parseArgs above with
 * options of its own, so the refusal of unknown names lives here, not there).
 */
const cliOptions = [
  { name: 'url', value: '<url>', numeric: false, default: 'none: required unless --dry-run', help: 'Base URL of the opportunities API (`npm start` serves every API on one port)' },
  { name: 'customers-url', value: '<url>', numeric: false, default: 'the --url', help: 'Base URL of the customers API, when the customers service runs apart' },
  { name: 'no-customers', numeric: false, default: 'off', help: 'Register no customers; the deals name generated customer ids no service knows (as the bench does)' },
  { name: 'seed', value: '<n>', numeric: true, default: String(defaults.seed), help: 'Seed of the dataset: the same seed and sizes give the same data' },
  { name: 'opportunities', value: '<n>', numeric: true, default: String(defaults.opportunities), help: 'Opportunities to open, each followed by its stage changes and activities' },
  { name: 'tenants', value: '<n>', numeric: true, default: String(defaults.tenants), help: 'Tenants the data is spread over' },
  { name: 'teams-per-tenant', value: '<n>', numeric: true, default: String(defaults.teamsPerTenant), help: 'Sales teams per tenant, on average (tenants differ in size)' },
  { name: 'reps-per-team', value: '<n>', numeric: true, default: String(defaults.repsPerTeam), help: 'Sales reps per team, give or take two' },
  { name: 'opportunities-per-customer', value: '<n>', numeric: true, default: String(defaults.opportunitiesPerCustomer), help: 'Opportunities per customer on average (sets how many customers are registered)' },
  { name: 'activities-per-stage', value: '<n>', numeric: true, default: String(defaults.activitiesPerStage), help: 'Activities logged per stage on average' },
  { name: 'concurrency', value: '<n>', numeric: true, default: '32', help: 'Requests in flight at once' },
  { name: 'dry-run', numeric: false, default: 'off', help: 'Write nothing: print the sizes and one sample opportunity as JSON' },
  { name: 'help', numeric: false, default: 'off', help: 'Print this text and exit' },
];

const helpText = () => {
  const flag = (option) => `--${option.name}${option.value ? ` ${option.value}` : ''}`;
  const width = Math.max(...cliOptions.map((option) => flag(option).length));
  return [
    'Usage: node tools/bench/generate.js [options]',
    '',
    'Writes a seeded dataset through the real HTTP API, as a client app would: the customers first,',
    'then every opportunity as one open command followed by its steps. Progress goes to stderr, the',
    'counts to stdout as JSON. A value may also be given as --name=value.',
    '',
    'Options:',
    ...cliOptions.map((option) => `  ${flag(option).padEnd(width)}  ${option.help} (default: ${option.default})`),
    '',
    'Examples:',
    '  node tools/bench/generate.js --url http://127.0.0.1:3000 --seed 42 --opportunities 1000 --tenants 3',
    '  node tools/bench/generate.js --url http://opportunities:3000 --customers-url http://customers:3000',
    '  node tools/bench/generate.js --seed 42 --opportunities 1000 --dry-run',
    '',
  ].join('\n');
};

class UsageError extends Error {}

/** generate.js's own arguments: unknown names, missing values and non-numbers are a UsageError naming the option. */
const parseCliArgs = (argv) => {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const known = new Map(cliOptions.map((option) => [option.name, option]));
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument ${argv[i]}`);
    const option = known.get(flag.slice(2));
    if (option === undefined) throw new UsageError(`unknown option ${flag}`);
    if (!option.value && inline !== undefined) throw new UsageError(`option ${flag} takes no value`);
    if (option.value && inline === undefined) {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`option ${flag} needs a value ${option.value}`);
      i++;
    }
  }
  const args = parseArgs(argv);
  for (const option of cliOptions.filter((o) => o.numeric)) {
    const key = option.name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (args[key] === undefined) continue;
    const value = Number(args[key]);
    if (args[key] === '' || !Number.isFinite(value)) throw new UsageError(`option --${option.name} needs a number, got ${JSON.stringify(args[key])}`);
    args[key] = value;
  }
  return args;
};

const main = async () => {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(helpText());
  const { url, customersUrl, noCustomers, dryRun, concurrency, ...options } = args;
  if (dryRun) {
    const directory = generateDirectory(options);
    let events = 0;
    for (let i = 0; i < directory.options.opportunities; i++) events += 1 + generateOpportunity(directory, i).steps.length;
    const summary = directory.tenants.map((t) => ({ tenant: t.id, teams: t.teams.length, reps: t.reps.length, customers: t.customers.length }));
    process.stdout.write(`${JSON.stringify({ options: directory.options, tenants: summary, events, sample: generateOpportunity(directory, 0) }, null, 2)}\n`);
    return;
  }
  if (!url) throw new UsageError('--url of the opportunities service is required (or --dry-run)');
  const result = await loadDataset({ url, customersUrl: noCustomers ? undefined : customersUrl ?? url, options, concurrency, progress: (line) => process.stderr.write(`[generate] ${line}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

if (require.main === module) {
  main().catch((error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`generate.js: ${error.message}\nRun node tools/bench/generate.js --help for the options.\n`);
      process.exit(2);
    }
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}

module.exports = { loadDataset, registerCustomers, parseArgs, parseCliArgs, cliOptions, helpText };
