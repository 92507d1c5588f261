import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue } from './event-catalogue';
import { createEventRouter, deadLetterHeaders } from './event-router';

const catalogue: PublicEventCatalogue = {
  streamCategories: ['widget'],
  topic: 'crm.widgets',
  source: '/meridian/widgets',
  validatorOptions: { multipleOfPrecision: 4 },
  contracts: {
    WidgetPriced: {
      version: 1,
      ceType: 'crm.widgets.WidgetPriced.v1',
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: ['widgetId', 'price', 'pricedAt'],
        properties: {
          widgetId: { type: 'string', minLength: 1 },
          price: { type: 'number', multipleOf: 0.01 },
          pricedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

const eventOf = (overrides: Partial<RecordedEvent> = {}, schemaVersion = 1): RecordedEvent => ({
  eventId: 'e-1',
  type: 'WidgetPriced',
  streamId: 'widget-42',
  revision: 0,
  globalPosition: 7,
  recordedAt: '2026-03-01T09:00:01.000Z',
  data: { widgetId: '42', price: 19.99, pricedAt: '2026-03-01T09:00:00Z' },
  metadata: { tenantId: 't', actorId: 'a', correlationId: 'c', causationId: 'k', schemaVersion, occurredAt: '2026-03-01T09:00:00.000Z' },
  ...overrides,
});

const router = createEventRouter({ catalogues: [catalogue], topicPrefix: 'test.' });

describe('event router', () => {
  it('publishes a valid event to its context topic, keyed by stream id, value = payload JSON', () => {
    const message = router.route(eventOf());
    expect(message).toMatchObject({ topic: 'test.crm.widgets', key: 'widget-42' });
    expect(JSON.parse(message.value)).toEqual(eventOf().data);
    expect(message.headers).toMatchObject({ ce_type: 'crm.widgets.WidgetPriced.v1', ce_source: '/meridian/widgets', ce_id: 'e-1' });
    expect(message.deadLetter).toBeUndefined();
    expect(message.headers).not.toHaveProperty(deadLetterHeaders.error);
  });

  it('applies the catalogue validator options (19.99 is a multiple of 0.01)', () => {
    const strict = createEventRouter({ catalogues: [{ ...catalogue, validatorOptions: {} }] });
    expect(router.route(eventOf()).deadLetter).toBeUndefined();
    expect(strict.route(eventOf()).deadLetter?.reason).toBe('schema-violation');
  });

  it('dead-letters a payload that violates its schema, with the error in a header', () => {
    const message = router.route(eventOf({ data: { widgetId: '', price: 1, pricedAt: 'yesterday', extra: true } }));
    expect(message.topic).toBe('test.crm.widgets.dlq');
    expect(message.key).toBe('widget-42');
    expect(message.headers[deadLetterHeaders.reason]).toBe('schema-violation');
    expect(message.headers[deadLetterHeaders.error]).toMatch(/\/widgetId.*\/pricedAt/s);
    expect(message.headers[deadLetterHeaders.error]).toContain('additional properties');
    expect(message.headers[deadLetterHeaders.topic]).toBe('test.crm.widgets');
    expect(message.headers.ce_type).toBe('crm.widgets.WidgetPriced.v1');
  });

  it('dead-letters an event type or schema version without a contract', () => {
    const unknownType = router.route(eventOf({ type: 'WidgetPainted' }));
    expect(unknownType.topic).toBe('test.crm.widgets.dlq');
    expect(unknownType.headers).toMatchObject({ [deadLetterHeaders.reason]: 'no-contract', ce_type: 'crm.widgets.WidgetPainted.v1' });
    const newerVersion = router.route(eventOf({}, 2));
    expect(newerVersion.deadLetter).toEqual({ reason: 'no-contract', error: 'No contract for WidgetPriced v2 (known: v1)' });
  });

  it('parks an event of a stream category no catalogue claims on the unrouted dead-letter topic', () => {
    expect(router.route(eventOf({ streamId: 'gadget-1' }))).toMatchObject({ topic: 'test.crm.unrouted.dlq', deadLetter: { reason: 'no-route' } });
    expect(router.route(eventOf({ streamId: 'nodash' })).topic).toBe('test.crm.unrouted.dlq');
  });

  it('does not treat inherited object keys as contracts', () => {
    expect(router.route(eventOf({ type: 'constructor' })).deadLetter?.reason).toBe('no-contract');
  });

  it('lists every topic it can route to, dead-letter topics included', () => {
    expect(router.topics).toEqual([
      { name: 'test.crm.widgets', deadLetter: false },
      { name: 'test.crm.widgets.dlq', deadLetter: true },
      { name: 'test.crm.unrouted.dlq', deadLetter: true },
    ]);
  });

  it('refuses two catalogues for one stream category', () => {
    expect(() => createEventRouter({ catalogues: [catalogue, catalogue] })).toThrow('widget');
  });
});
