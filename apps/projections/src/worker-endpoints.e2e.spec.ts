import type { NodeProcess } from '@meridian/platform/testing';
import { pollUntil } from '@meridian/platform/testing';
import type { DealCommands } from './testing/deal-commands';
import { dealCommands } from './testing/deal-commands';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline, workerHttpUrl } from './testing/pipeline-fixture';
import type { Scrape } from './testing/worker-scrape';
import { promtoolCheck, promtoolInstalled, scrape, sumOf } from './testing/worker-scrape';
import { readModelNames } from './read-model-catalogue';

if (!promtoolInstalled) console.warn('promtool checks skipped: promtool not installed');

let pipeline: Pipeline;
let relay: NodeProcess;
let projections: NodeProcess;
let relayUrl: string;
let projectionsUrl: string;
let acme: DealCommands;

beforeAll(async () => {
  pipeline = await startPipeline('endpoints');
  relay = await pipeline.startRelay();
  projections = await pipeline.startProjections();
  relayUrl = workerHttpUrl(relay);
  projectionsUrl = workerHttpUrl(projections);
  acme = dealCommands(pipeline.apiUrl, `acme-${pipeline.run}`);
}, 10 * 60_000);

afterAll(() => pipeline?.close());

const ready = (url: string) => fetch(`${url}/health/ready`);
const published = (s: Scrape) => sumOf(s.samples, 'meridian_relay_events_published_total');
const applied = (s: Scrape, readModel: string) => sumOf(s.samples, 'meridian_projection_messages_total', { read_model: readModel, outcome: 'applied' });

describe('relay and projections /metrics and /health', () => {
  it('are live and ready on the logged port', async () => {
    for (const url of [relayUrl, projectionsUrl]) {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const response = await pollUntil(() => ready(url), { timeoutMs: 3 * 60_000, until: (r) => r.status === 200, description: `${url} ready` });
      expect(response.status).toBe(200);
    }
  });

  it('move with commands: events published, messages applied, lag back to 0', async () => {
    const relayBefore = await scrape(relayUrl);
    const projectionsBefore = await scrape(projectionsUrl);
    const opened = await acme.open({ ownerId: 'ana', region: 'emea', productLine: 'crm', sourceChannel: 'web', amount: 1000 });
    await acme.moveTo(opened.opportunityId, 'qualified');

    const relayAfter = await pollUntil(() => scrape(relayUrl), {
      timeoutMs: 3 * 60_000, until: (s) => published(s) - published(relayBefore) >= 2 && sumOf(s.samples, 'meridian_relay_lag_events') === 0, description: 'two events published, relay caught up',
    });
    expect(sumOf(relayAfter.samples, 'meridian_relay_lag_seconds')).toBe(0);
    expect(sumOf(relayAfter.samples, 'meridian_relay_checkpoint_position')).toBeGreaterThanOrEqual(opened.position);
    expect(sumOf(relayAfter.samples, 'meridian_relay_batch_duration_seconds_count')).toBeGreaterThan(sumOf(relayBefore.samples, 'meridian_relay_batch_duration_seconds_count'));
    expect(sumOf(relayAfter.samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    const caughtUp = (s: Scrape) => readModelNames.every((name) => sumOf(s.samples, 'meridian_projection_consumer_lag_messages', { read_model: name }) === 0);
    const projectionsAfter = await pollUntil(() => scrape(projectionsUrl), {
      timeoutMs: 3 * 60_000, until: (s) => applied(s, 'opportunity-list') - applied(projectionsBefore, 'opportunity-list') >= 2 && caughtUp(s),
      description: 'both events applied to opportunity-list, every group caught up',
    });
    for (const name of readModelNames) {
      expect(sumOf(projectionsAfter.samples, 'meridian_projection_lag_seconds', { read_model: name })).toBe(0);
      expect(sumOf(projectionsAfter.samples, 'meridian_projection_active_generation', { read_model: name })).toBe(1);
    }
    expect(sumOf(projectionsAfter.samples, 'meridian_breaker_state', { breaker: 'read-store' })).toBe(0);
    expect(projectionsAfter.samples.some((s) => s.name === 'nodejs_heap_size_used_bytes')).toBe(true);
    // Bounded labels: ids never become label values.
    expect(relayAfter.text + projectionsAfter.text).not.toContain(opened.opportunityId);
  }, 10 * 60_000);

  (promtoolInstalled ? it : it.skip)('pass promtool check metrics', async () => {
    for (const url of [relayUrl, projectionsUrl]) {
      const { text } = await scrape(url);
      expect(() => promtoolCheck(text)).not.toThrow();
    }
  });

  it('projections turn not ready (503 not-ready, readStore named) while FerretDB is down, and ready again after', async () => {
    await pipeline.ferretdb.stop();
    try {
      // Consumption must hit the store for the breaker to open: keep events coming until it has.
      const notReady = await pollUntil(async () => {
        await acme.open({ ownerId: 'bo', region: 'apac', productLine: 'crm', sourceChannel: 'web', amount: 10 });
        return ready(projectionsUrl);
      }, { timeoutMs: 3 * 60_000, intervalMs: 500, until: (r) => r.status === 503, description: 'projections not ready' });
      expect(notReady.headers.get('content-type')).toBe('application/problem+json');
      expect(await notReady.json()).toMatchObject({ status: 503, code: 'not-ready', checks: { readStore: { status: 'down' } } });
      expect((await fetch(`${projectionsUrl}/health/live`)).status).toBe(200);
      expect((await ready(relayUrl)).status).toBe(200);
    } finally {
      await pipeline.ferretdb.start();
    }
    await pollUntil(() => ready(projectionsUrl), { timeoutMs: 3 * 60_000, until: (r) => r.status === 200, description: 'projections ready again' });
  }, 10 * 60_000);
});
