import type { EventStore } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import type { NodeProcess, TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, distEntry, pollUntil, send, spawnNodeProcess } from '@meridian/platform/testing';
import { newOrderBody, problemJson, tenantA } from './testing/orders-service-fixtures';

type Outcome = Readonly<{ sentBeforeSignal: boolean; status?: number; orderId?: string; code?: string; retryAfter?: string | null; contentType?: string | null; error?: string }>;

const shutdownTimeoutMs = 8_000;
const workers = 8;

/**
 * The real process (dist entry point) on PostgreSQL, under a steady stream of
 * commands, gets SIGTERM mid-stream. "No accepted request is lost" is checked
 * against the event store itself, not against the service's word.
 */
describe('orders-service on SIGTERM under load', () => {
  let database: TestDatabase;
  let service: NodeProcess | undefined;
  let store: EventStore | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('meridian_orders_shutdown');
  });

  afterAll(async () => {
    if (service?.child.exitCode === null) await service.kill('SIGKILL');
    await store?.close();
    await database?.drop();
  });

  it('answers every request it admitted, each 2xx has its event, later ones are refused with 503 problem+json, and it exits 0 in time', async () => {
    service = spawnNodeProcess(distEntry('orders-service'), {
      EVENTSTORE_URL: database.url, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    });
    const [, port] = await service.waitForOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 5 * 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;

    const outcomes: Outcome[] = [];
    let signalled = false;
    let stopped = false;
    const place = async (): Promise<Outcome> => {
      const sentBeforeSignal = !signalled;
      try {
        const answer = await send(baseUrl, 'POST', '/api/v1/orders', { headers: tenantA, body: newOrderBody() });
        const body = answer.body as { orderId?: string; code?: string } | undefined;
        return { sentBeforeSignal, status: answer.status, orderId: body?.orderId, code: body?.code, retryAfter: answer.headers.get('retry-after'), contentType: answer.headers.get('content-type') };
      } catch (error) {
        return { sentBeforeSignal, error: error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error) };
      }
    };
    const worker = async () => {
      while (!stopped) outcomes.push(await place());
    };
    const stream = Promise.all(Array.from({ length: workers }, worker));

    // Mid-stream: enough commands answered that appends are running when the signal lands.
    await pollUntil(() => outcomes.filter((o) => o.status === 201).length >= 40, { timeoutMs: 3 * 60_000, intervalMs: 5, description: '40 orders placed' });
    signalled = true;
    const signalledAt = Date.now();
    const code = await service.kill('SIGTERM');
    const tookMs = Date.now() - signalledAt;
    // A few more rounds against the closed port: they must fail to connect, never answer 2xx.
    await pollUntil(() => outcomes.filter((o) => !o.sentBeforeSignal && o.error !== undefined).length >= workers, { timeoutMs: 3 * 60_000, description: 'connections refused after exit' });
    stopped = true;
    await stream;

    expect({ code, withinDeadline: tookMs < shutdownTimeoutMs }).toEqual({ code: 0, withinDeadline: true });
    expect(service.output()).toContain('SIGTERM received');

    // In-flight work completed: nothing sent before the signal lost its answer to a dropped connection.
    expect(outcomes.filter((o) => o.sentBeforeSignal && o.error !== undefined)).toEqual([]);
    // Every HTTP answer is 201, or a refusal that tells the client to retry.
    const refusals = outcomes.filter((o) => o.status !== undefined && o.status !== 201);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ status: 503, code: 'shutting-down', retryAfter: '1', contentType: expect.stringContaining(problemJson) });
    }

    store = await openEventStore(database.url);
    const streams = new Set((await store.readAll({ after: 0, maxCount: 100_000 })).map((e) => e.streamId));
    const accepted = outcomes.filter((o) => o.status === 201).map((o) => o.orderId ?? '');
    expect(accepted.filter((orderId) => ![...streams].some((s) => orderId !== '' && s.endsWith(orderId)))).toEqual([]);
    // …and nothing else was appended: a refused or failed request left no order behind.
    expect(streams.size).toBe(accepted.length);
  });
});
