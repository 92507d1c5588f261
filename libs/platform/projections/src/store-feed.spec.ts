import type { NewEvent } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import { createStoreFeed } from './store-feed';

/** Platform may not import a context's contracts: two tiny catalogues of the same shape instead. */
const catalogueOf = (category: string, topic: string, type: string): PublicEventCatalogue => ({
  streamCategories: [category],
  topic,
  source: `/meridian/${category}s`,
  validatorOptions: {},
  contracts: {
    [type]: {
      version: 1,
      ceType: `${topic}.${type}.v1`,
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: ['price'],
        properties: { price: { type: 'integer', minimum: 0 } },
      },
    },
  },
});

const router = createEventRouter({
  catalogues: [catalogueOf('widget', 'crm.widgets', 'WidgetPriced'), catalogueOf('gizmo', 'crm.gizmos', 'GizmoPriced')],
  topicPrefix: 'test.',
});

/** Event ids 00000000-0000-4000-8000-00000000000n: n is the event's place in the history. */
const newEvent = (n: number, type: string, data: unknown, tenantId = 'acme'): NewEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  data,
  metadata: { tenantId, actorId: 'rep-ada', correlationId: 'corr-1', causationId: 'cmd-1', schemaVersion: 1, occurredAt: '2026-03-01T09:00:00.000Z' },
});

/**
 * 1 widget-1 priced 10 (delivered)   2 gadget-1 (no catalogue: unrouted dead letter)
 * 3 widget-1 priced -5 (schema violation: dead letter)   4 gizmo-1 priced (another topic)
 * 5 widget-1 priced 12 (delivered)   6 widget-2 priced 7, tenant globex (delivered)
 */
const storeWithHistory = async () => {
  const store = new MemoryEventStore();
  await store.appendToStream('widget-1', [newEvent(1, 'WidgetPriced', { price: 10 })], 'no_stream');
  await store.appendToStream('gadget-1', [newEvent(2, 'GadgetPriced', { price: 1 })], 'no_stream');
  await store.appendToStream('widget-1', [newEvent(3, 'WidgetPriced', { price: -5 })], 0);
  await store.appendToStream('gizmo-1', [newEvent(4, 'GizmoPriced', { price: 3 })], 'no_stream');
  await store.appendToStream('widget-1', [newEvent(5, 'WidgetPriced', { price: 12 })], 1);
  await store.appendToStream('widget-2', [newEvent(6, 'WidgetPriced', { price: 7 }, 'globex')], 'no_stream');
  return store;
};

const widgets = async () => createStoreFeed(await storeWithHistory(), router, ['test.crm.widgets']);

describe('createStoreFeed', () => {
  it('decodes events exactly as a consumer of the topic would see them', async () => {
    const { events } = await (await widgets()).read(0, 1);
    expect(events).toEqual([{
      eventId: '00000000-0000-4000-8000-000000000001',
      type: 'crm.widgets.WidgetPriced.v1',
      schemaVersion: 1,
      streamId: 'widget-1',
      streamRevision: 0,
      globalPosition: 1,
      tenantId: 'acme',
      occurredAt: '2026-03-01T09:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      // Stored without one: the unsampled trace every message gets (toCloudEventHeaders).
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
      payload: { price: 10 },
      partition: 0,
      offset: '1',
    }]);
  });

  it('skips dead letters and events of other topics', async () => {
    const page = await (await widgets()).read(0, 100);
    expect(page.events.map((e) => [e.globalPosition, e.streamId, e.streamRevision, e.tenantId, e.payload])).toEqual([
      [1, 'widget-1', 0, 'acme', { price: 10 }],
      [5, 'widget-1', 2, 'acme', { price: 12 }],
      [6, 'widget-2', 0, 'globex', { price: 7 }],
    ]);
    expect(page.lastPosition).toBe(6);
    const deadLetterTopic = createStoreFeed(await storeWithHistory(), router, ['test.crm.widgets.dlq', 'test.crm.unrouted.dlq']);
    expect(await deadLetterTopic.read(0, 100)).toEqual({ events: [], lastPosition: 6 });
  });

  it('advances the position over skipped events, even when a page delivers none', async () => {
    const feed = await widgets();
    expect(await feed.read(1, 3)).toEqual({ events: [], lastPosition: 4 });
    const next = await feed.read(4, 3);
    expect(next.events.map((e) => e.globalPosition)).toEqual([5, 6]);
    expect(next.lastPosition).toBe(6);
  });

  it('delivers every topic asked for', async () => {
    const feed = createStoreFeed(await storeWithHistory(), router, ['test.crm.widgets', 'test.crm.gizmos']);
    const { events } = await feed.read(0, 100);
    expect(events.map((e) => e.type)).toEqual([
      'crm.widgets.WidgetPriced.v1', 'crm.gizmos.GizmoPriced.v1', 'crm.widgets.WidgetPriced.v1', 'crm.widgets.WidgetPriced.v1',
    ]);
  });

  it('stays where it is at the end of the history', async () => {
    const feed = await widgets();
    expect(await feed.head()).toBe(6);
    expect(await feed.read(6, 100)).toEqual({ events: [], lastPosition: 6 });
  });

  it('reads an empty store as nothing at position 0', async () => {
    const feed = createStoreFeed(new MemoryEventStore(), router, ['test.crm.widgets']);
    expect(await feed.head()).toBe(0);
    expect(await feed.read(0, 100)).toEqual({ events: [], lastPosition: 0 });
  });
});
