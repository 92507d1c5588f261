import { randomBytes } from 'node:crypto';
import { wonOpportunityOrderId } from '@meridian/orders/domain';
import { wonOpportunityDraftsName } from '@meridian/orders/process-managers';
import type { NodeProcess, TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, distEntry, pollUntil, send, spawnNodeProcess } from '@meridian/platform/testing';

/*
 * The built services as in production: opportunities-service takes the deal,
 * the relay publishes it to Kafka, and orders-service's won-opportunity
 * process manager (state in FerretDB) reacts. Its /metrics must show the
 * reactions, dead letters, consumer lag and state-store breaker of that
 * manager, and the reaction counter must move when the deal's events arrive.
 */
const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
const manager = wonOpportunityDraftsName;

type Sample = Readonly<{ name: string; labels: Record<string, string>; value: number }>;

/** The samples of a Prometheus text exposition (enough of the format for prom-client's output). */
const parse = (text: string): Sample[] =>
  text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });

describe('orders-service /metrics: the won-opportunity process manager on Kafka', () => {
  const run = randomBytes(4).toString('hex');
  const tenantId = `acme-${run}`;
  const headers = { 'x-tenant-id': tenantId, 'x-user-id': 'e2e' };
  const processes: NodeProcess[] = [];
  let database: TestDatabase;
  let opportunitiesUrl: string;
  let ordersUrl: string;

  const start = async (app: string, env: Record<string, string>, ready: RegExp): Promise<NodeProcess> => {
    const child = spawnNodeProcess(distEntry(app), env);
    processes.push(child);
    await child.waitForOutput(ready, 5 * 60_000);
    return child;
  };
  const urlOf = (child: NodeProcess) => `http://127.0.0.1:${listening.exec(child.output())?.[1]}`;
  const scrape = async (): Promise<Sample[]> => {
    const response = await send(ordersUrl, 'GET', '/metrics');
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    return parse(response.text);
  };
  const valueIn = (samples: readonly Sample[], name: string, labels: Record<string, string>) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))?.value;
  const reactions = (samples: readonly Sample[], outcome: string) =>
    valueIn(samples, 'meridian_process_manager_reactions_total', { process_manager: manager, outcome });

  beforeAll(async () => {
    database = await createTestDatabase('meridian_pm_metrics');
    const kafkaEnv = { KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '', KAFKA_TOPIC_PREFIX: `pm-metrics-${run}.`, KAFKA_TOPIC_PARTITIONS: '2' };
    const mongodbUrl = `${(process.env.MONGODB_URL ?? '').replace(/\/$/, '')}/pm_metrics_${run}`;
    const serviceEnv = { ...kafkaEnv, EVENTSTORE_URL: database.url, MONGODB_URL: mongodbUrl, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' };
    opportunitiesUrl = urlOf(await start('opportunities-service', serviceEnv, listening));
    await start('relay', { ...kafkaEnv, EVENTSTORE_URL: database.url, RELAY_POLL_INTERVAL_MS: '50', RELAY_HTTP_PORT: '0', LOG_LEVEL: 'info' }, /"relay started"/);
    const orders = await start('orders-service', serviceEnv, listening);
    await orders.waitForOutput(/"process manager started"/, 5 * 60_000);
    ordersUrl = urlOf(orders);
  }, 10 * 60_000);

  afterAll(async () => {
    for (const child of processes) await child.kill('SIGKILL');
    await database?.drop();
  });

  it('exports every series of the manager from the start, labelled by its name only', async () => {
    const samples = await scrape();
    for (const outcome of ['applied', 'duplicate', 'skipped', 'refused', 'failed']) expect(reactions(samples, outcome)).toBe(0);
    expect(valueIn(samples, 'meridian_process_manager_dead_letters_total', { process_manager: manager })).toBe(0);
    expect(valueIn(samples, 'meridian_breaker_state', { breaker: 'process-manager-state' })).toBe(0);
    const lag = await pollUntil(async () => valueIn(await scrape(), 'meridian_process_manager_consumer_lag_messages', { process_manager: manager }), {
      until: (value) => value !== undefined, timeoutMs: 3 * 60_000, description: 'a first consumer-lag figure',
    });
    expect(lag).toBeGreaterThanOrEqual(0);
    const labelled = samples.filter((s) => s.name.startsWith('meridian_process_manager_'));
    expect(labelled.every((s) => Object.keys(s.labels).every((key) => key === 'process_manager' || key === 'outcome'))).toBe(true);
  });

  it('counts the reactions to a won deal as applied, and nothing refused or failed', async () => {
    const opened = await send(opportunitiesUrl, 'POST', '/api/v1/opportunities', {
      headers,
      body: {
        customerId: 'cus-77', name: 'Metrics: CRM suite', ownerId: 'rep-ana', amount: { amount: 1800, currency: 'EUR' },
        expectedCloseDate: '2027-03-31', sourceChannel: 'referral', productLine: 'crm-suite', region: 'emea',
      },
    });
    expect(opened.status).toBe(201);
    const { opportunityId } = opened.body as { opportunityId: string };
    const won = await send(opportunitiesUrl, 'POST', `/api/v1/opportunities/${opportunityId}/change-stage`, {
      headers, body: { toStage: 'won', finalAmount: { amount: 2400, currency: 'EUR' } },
    });
    expect(won.status).toBeLessThan(300);

    // The reaction is real: the drafted order exists.
    await pollUntil(async () => send(ordersUrl, 'GET', `/api/v1/orders/${wonOpportunityOrderId(tenantId, opportunityId)}`, { headers }), {
      until: (response) => response.status === 200, timeoutMs: 3 * 60_000, description: 'the drafted order',
    });
    // Opened (state remembered) and won (order drafted) are both applied.
    const samples = await pollUntil(scrape, { until: (s) => (reactions(s, 'applied') ?? 0) >= 2, timeoutMs: 3 * 60_000, description: 'two applied reactions' });
    expect(reactions(samples, 'refused')).toBe(0);
    expect(reactions(samples, 'failed')).toBe(0);
    expect(valueIn(samples, 'meridian_process_manager_dead_letters_total', { process_manager: manager })).toBe(0);
  });
});
