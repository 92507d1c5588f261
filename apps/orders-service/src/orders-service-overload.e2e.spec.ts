import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler, MemoryEventStore, withAppend } from '@meridian/platform/eventsourcing';
import type { HttpHostDefinition } from '@meridian/platform/nest';
import { CLOCK, EVENT_STORE, systemClock } from '@meridian/platform/nest';
import type { HttpResponse, TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { OrdersModule } from '@meridian/orders/api';
import { ordersServiceHost } from './orders-service.host';
import { newOrderBody, problemJson, tenantA } from './testing/orders-service-fixtures';

/** A memory store whose appends wait until the test opens the gate: requests stay in flight as long as the test wants. */
const gatedEventStore = () => {
  const inner = new MemoryEventStore();
  let openGate = (): void => undefined;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const held = { waiting: 0 };
  const store = withAppend(inner, async (streamId, events, expectedRevision) => {
    held.waiting += 1;
    await gate;
    held.waiting -= 1;
    return inner.appendToStream(streamId, events, expectedRevision);
  });
  return {
    ...store,
    open: () => openGate(),
    get waiting() {
      return held.waiting;
    },
  };
};

@Global()
@Module({})
class GatedEventStoreModule {
  static of(store: EventStore): DynamicModule {
    return {
      module: GatedEventStoreModule,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: CommandHandler, useFactory: () => new CommandHandler(store) },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [EVENT_STORE, CommandHandler, CLOCK],
    };
  }
}

@Module({})
class GatedOrdersModule {}

const shedSamples = async (host: TestHost): Promise<number> => {
  const text = (await host.request('GET', '/metrics')).text;
  return Number(/^meridian_http_requests_shed_total\{reason="overloaded"\} (\d+)$/m.exec(text)?.[1] ?? 0);
};

describe('orders-service under overload (HTTP_MAX_IN_FLIGHT=2)', () => {
  const store = gatedEventStore();
  const host$: Promise<TestHost> = startTestHost(
    { ...ordersServiceHost, rootModule: (): DynamicModule => ({ module: GatedOrdersModule, imports: [GatedEventStoreModule.of(store), OrdersModule] }) } satisfies HttpHostDefinition,
    'memory:',
    { HTTP_MAX_IN_FLIGHT: '2' },
  );
  let host: TestHost;

  beforeAll(async () => {
    host = await host$;
  });

  afterAll(async () => {
    store.open();
    await host?.close();
  });

  it('refuses the third concurrent request with 503 overloaded and Retry-After, appends nothing for it, and finishes the two it took', async () => {
    const place = () => host.request('POST', '/api/v1/orders', { headers: tenantA, body: newOrderBody() });
    const shedBefore = await shedSamples(host);
    const held: Promise<HttpResponse>[] = [place(), place()];
    await pollUntil(() => store.waiting, { timeoutMs: 3 * 60_000, until: (waiting) => waiting === 2, description: 'two appends held at the gate' });

    const refused = await place();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain(problemJson);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({ status: 503, code: 'overloaded', instance: '/api/v1/orders' });
    // Never reached the handler: still exactly the two held appends.
    expect(store.waiting).toBe(2);

    // Probes and scrapes are exempt, so a full instance is not restarted for being busy.
    expect((await host.request('GET', '/health/live')).status).toBe(200);
    expect((await shedSamples(host)) - shedBefore).toBe(1);

    store.open();
    const answers = await Promise.all(held);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const placed = answers.map((a) => (a.body as { orderId: string }).orderId);
    const streams = new Set((await store.readAll({ after: 0, maxCount: 100 })).map((e) => e.streamId));
    expect(streams.size).toBe(2);
    for (const orderId of placed) expect([...streams].some((s) => s.endsWith(orderId))).toBe(true);

    // The slots were given back.
    expect((await place()).status).toBe(201);
  });
});
