// Seeded data generator for benchmarks and demos: tenants with teams and
// reps, customers, and opportunities that walk the sales stages in order
// (lead → qualified → proposal → negotiation → won | lost) with activities
// logged along the way. Pure: the same seed and sizes give the same plan,
// byte for byte, on every machine. Opportunities are derived one at a time
// from (seed, index), so 100k of them never sit in memory together.
const openStages = ['lead', 'qualified', 'proposal', 'negotiation'];
const activityKinds = ['call', 'email', 'meeting', 'note'];
const regions = ['emea', 'amer', 'apac', 'latam'];
const industries = ['software', 'retail', 'manufacturing', 'finance', 'health', 'logistics'];
const productLines = ['analytics-suite', 'crm-core', 'field-service', 'commerce-cloud'];
const sourceChannels = ['webinar', 'referral', 'paid-search', 'trade-show', 'outbound', 'partner'];
const currencies = ['EUR', 'USD', 'GBP'];
const lostReasons = ['no budget', 'chose a competitor on price', 'project postponed', 'no decision'];
const subjects = ['Discovery call', 'Demo follow-up', 'Pricing questions', 'Security review', 'Stakeholder meeting', 'Contract redlines'];
const companyWords = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent', 'Cyberdyne', 'Massive'];

/** mulberry32: tiny, fast and good enough for test data; state is one 32-bit integer. */
const createRng = (seed) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  return { next, int, pick };
};

/** Mixes the run's seed with an index, so opportunity n is the same whichever order they are made in. */
const mix = (seed, index) => {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

const defaults = { seed: 42, tenants: 3, opportunities: 1000, teamsPerTenant: 4, repsPerTeam: 6, opportunitiesPerCustomer: 4, activitiesPerStage: 2.5 };

/**
 * Where each deal ends: a share stays open in each stage, the rest close. Won
 * deals passed every open stage; lost ones drop out after the stage they reached.
 */
const outcomes = [
  { weight: 16, last: 'lead' }, { weight: 12, last: 'qualified' }, { weight: 10, last: 'proposal' }, { weight: 7, last: 'negotiation' },
  { weight: 25, last: 'negotiation', close: 'won' },
  { weight: 9, last: 'lead', close: 'lost' }, { weight: 8, last: 'qualified', close: 'lost' }, { weight: 7, last: 'proposal', close: 'lost' }, { weight: 6, last: 'negotiation', close: 'lost' },
];
const outcomeTotal = outcomes.reduce((sum, o) => sum + o.weight, 0);

const pad = (n, width) => String(n).padStart(width, '0');

/** Tenants, their teams and reps, and their customers; tenant sizes are skewed (one big, a tail of small ones). */
const generateDirectory = (options = {}) => {
  const o = { ...defaults, ...options };
  const rng = createRng(mix(o.seed, -1));
  const weights = Array.from({ length: o.tenants }, (_, i) => 1 / (i + 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const tenants = weights.map((weight, t) => {
    const id = `t-${pad(t + 1, 3)}`;
    const share = weight / weightSum;
    const teams = Array.from({ length: Math.max(1, Math.round(o.teamsPerTenant * (0.5 + share))) }, (_, k) => {
      const teamId = `${id}-team-${pad(k + 1, 2)}`;
      const reps = Array.from({ length: rng.int(Math.max(1, o.repsPerTeam - 2), o.repsPerTeam + 2) }, (_, r) => ({ id: `${teamId}-rep-${pad(r + 1, 2)}`, teamId }));
      return { id: teamId, region: regions[k % regions.length], reps };
    });
    const customerCount = Math.max(1, Math.ceil((o.opportunities * share) / o.opportunitiesPerCustomer));
    const customers = Array.from({ length: customerCount }, (_, c) => ({
      id: `${id}-cus-${pad(c + 1, 6)}`,
      name: `${rng.pick(companyWords)} ${rng.pick(industries)} ${c + 1}`,
      region: rng.pick(regions),
      industry: rng.pick(industries),
    }));
    return { id, name: `Tenant ${t + 1}`, share, currency: currencies[t % currencies.length], teams, reps: teams.flatMap((team) => team.reps), customers };
  });
  const cumulative = [];
  tenants.reduce((sum, tenant) => (cumulative.push(sum + tenant.share), sum + tenant.share), 0);
  return { options: o, tenants, cumulative };
};

const tenantFor = (directory, u) => directory.tenants[Math.min(directory.cumulative.findIndex((c) => u < c) >>> 0, directory.tenants.length - 1)];

const activityCount = (rng, mean) => {
  const whole = Math.floor(mean);
  return whole + (rng.next() < mean - whole ? 1 : 0) + rng.int(-1, 1) * (whole > 0 ? 1 : 0);
};

const activity = (rng) => ({
  command: 'log-activity',
  body: { kind: rng.pick(activityKinds), subject: rng.pick(subjects), ...(rng.next() < 0.3 ? { notes: 'Agreed next steps with the buyer.' } : {}) },
});

/**
 * Opportunity `index` of the directory's run: the open command and then its
 * steps in order (each step is one HTTP command and one event).
 */
const generateOpportunity = (directory, index) => {
  const rng = createRng(mix(directory.options.seed, index));
  const tenant = tenantFor(directory, rng.next());
  const rep = rng.pick(tenant.reps);
  const customer = rng.pick(tenant.customers);
  const amount = Math.round(rng.int(20, 2_000) * 50 * (1 + rng.next()));
  const month = rng.int(1, 12);
  const open = {
    customerId: customer.id,
    name: `${customer.name}: ${rng.pick(productLines)} deal ${index + 1}`,
    ownerId: rep.id,
    amount: { amount, currency: tenant.currency },
    expectedCloseDate: `2027-${pad(month, 2)}-${pad(rng.int(1, 28), 2)}`,
    sourceChannel: rng.pick(sourceChannels),
    productLine: rng.pick(productLines),
    region: customer.region,
  };
  let roll = rng.next() * outcomeTotal;
  const outcome = outcomes.find((o) => (roll -= o.weight) < 0) ?? outcomes[0];
  const steps = [];
  const lastIndex = openStages.indexOf(outcome.last);
  for (let s = 0; s <= lastIndex; s++) {
    if (s > 0) steps.push({ command: 'change-stage', body: { toStage: openStages[s] } });
    for (let a = activityCount(rng, directory.options.activitiesPerStage); a > 0; a--) steps.push(activity(rng));
  }
  if (outcome.close === 'won') steps.push({ command: 'change-stage', body: { toStage: 'won', finalAmount: { amount: Math.round(amount * (0.8 + 0.2 * rng.next())), currency: tenant.currency } } });
  if (outcome.close === 'lost') steps.push({ command: 'change-stage', body: { toStage: 'lost', lostReason: rng.pick(lostReasons) } });
  return { index, tenantId: tenant.id, teamId: rep.teamId, open, steps };
};

const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'];

/**
 * The register-customer request for a tenant's customer, derived from its
 * place in the directory rather than drawn, so adding it left every seeded
 * dataset as it was. Its owner is one of the tenant's reps.
 */
const customerRegistration = (tenant, customerIndex) => {
  const customer = tenant.customers[customerIndex];
  return {
    kind: 'company',
    name: customer.name,
    region: customer.region,
    industry: customer.industry,
    size: companySizes[customerIndex % companySizes.length],
    sourceChannel: sourceChannels[customerIndex % sourceChannels.length],
    ownerId: tenant.reps[customerIndex % tenant.reps.length].id,
  };
};

module.exports = { createRng, generateDirectory, generateOpportunity, customerRegistration, openStages, defaults };
