import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { METRICS_REGISTRY, MetricsModule } from '@meridian/platform/observability';
import type { Registry } from 'prom-client';
import { EVENT_STORE, EventStoreModule } from './event-store.module';

@Module({})
class RootModule {}

const contextOf = (imports: DynamicModule[]): Promise<INestApplicationContext> =>
  NestFactory.createApplicationContext({ module: RootModule, imports }, { logger: false });

const event = { eventId: '00000000-0000-4000-8000-000000000001', type: 'Tested', data: {}, metadata: { tenantId: 'acme' } } as never;

describe('EventStoreModule', () => {
  let context: INestApplicationContext | undefined;
  afterEach(() => context?.close());

  it.each([
    ['event store first', () => [EventStoreModule.forRoot('memory:'), MetricsModule.forRoot()]],
    ['metrics first', () => [MetricsModule.forRoot(), EventStoreModule.forRoot('memory:')]],
  ])('instruments the store with the global registry (%s)', async (_order, imports) => {
    context = await contextOf(imports());
    await context.get<EventStore>(EVENT_STORE).appendToStream('tested-1', [event], 'no_stream');
    const scrape = await context.get<Registry>(METRICS_REGISTRY).metrics();
    expect(scrape).toContain('meridian_event_appends_total{outcome="appended"} 1');
  });

  it('opens a store without metrics when no registry is provided (a process without /metrics): traced only, same behaviour', async () => {
    const opened = await contextOf([EventStoreModule.forRoot('memory:')]);
    context = opened;
    const store = opened.get<EventStore>(EVENT_STORE);
    await expect(store.appendToStream('tested-1', [event], 'no_stream')).resolves.toMatchObject({ replayed: false });
    await expect(store.appendToStream('tested-1', [event], 'no_stream')).resolves.toMatchObject({ replayed: true });
    await expect(store.readStream('tested-1')).resolves.toHaveLength(1);
    expect(() => opened.get(METRICS_REGISTRY, { strict: false })).toThrow();
  });
});
