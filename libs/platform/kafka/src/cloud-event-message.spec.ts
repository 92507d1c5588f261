import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { toCloudEventHeaders } from './cloud-event-headers';
import type { IncomingMessage } from './cloud-event-message';
import { MalformedMessage, fromKafkaMessage } from './cloud-event-message';
import { sampleRecordedEvent } from './testing/sample-recorded-event';

const event: RecordedEvent = { ...sampleRecordedEvent, data: { opportunityId: 'x', toStage: 'qualified' } };
const ceType = 'crm.opportunities.OpportunityStageChanged.v1';

/** What kafkajs hands a consumer for a message the relay produced: every header a Buffer. */
const messageOf = (recorded: RecordedEvent, overrides: Partial<IncomingMessage> = {}): IncomingMessage => ({
  key: Buffer.from(recorded.streamId),
  value: Buffer.from(JSON.stringify(recorded.data)),
  headers: Object.fromEntries(Object.entries(toCloudEventHeaders(recorded, { source: '/meridian/opportunities', ceType })).map(([k, v]) => [k, Buffer.from(v)])),
  offset: '17',
  ...overrides,
});

const errorOf = (message: IncomingMessage): MalformedMessage => {
  const decoded = fromKafkaMessage('crm.opportunities', 2, message);
  if (decoded.ok) throw new Error('expected a malformed message');
  return decoded.error;
};

const withHeader = (name: string, value: string | undefined): IncomingMessage => {
  const base = messageOf(event);
  const headers = { ...base.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = Buffer.from(value);
  return { ...base, headers };
};

describe('fromKafkaMessage (CloudEvents binary mode, consumer side)', () => {
  it('round-trips every envelope field written by toCloudEventHeaders', () => {
    expect(fromKafkaMessage('crm.opportunities', 2, messageOf(event))).toEqual({
      ok: true,
      event: {
        eventId: event.eventId, type: ceType, schemaVersion: 1, streamId: event.streamId, streamRevision: 3, globalPosition: 1042,
        tenantId: 'tenant-a', occurredAt: '2026-03-01T09:00:00.000Z', correlationId: 'corr-1', causationId: 'cmd-1',
        traceparent: event.metadata.traceparent, payload: event.data, partition: 2, offset: '17',
      },
    });
  });

  it('leaves traceparent out when the message has none (published before every message carried one), and accepts string headers', () => {
    const { traceparent: _dropped, ...headers } = toCloudEventHeaders(event, { source: '/s', ceType });
    const decoded = fromKafkaMessage('t', 0, { ...messageOf(event), headers: { ...headers } });
    expect(decoded.ok && decoded.event).not.toHaveProperty('traceparent');
    expect(decoded.ok && decoded.event.streamRevision).toBe(3);
  });

  it.each([
    ['no key', { key: null }, 'missing-key'],
    ['no value', { value: null }, 'invalid-payload'],
    ['a value that is not JSON', { value: Buffer.from('{nope') }, 'invalid-payload'],
  ] as const)('yields a typed error for %s', (_case, overrides, reason) => {
    const error = errorOf(messageOf(event, overrides));
    expect(error).toBeInstanceOf(MalformedMessage);
    expect(error.reason).toBe(reason);
    expect(error.message).toContain('crm.opportunities[2]@17');
  });

  it.each([
    ['ce_id', undefined, 'missing-header'],
    ['ce_type', '', 'missing-header'],
    ['ce_tenantid', undefined, 'missing-header'],
    ['ce_streamrevision', '-1', 'invalid-header'],
    ['ce_streamrevision', '2.5', 'invalid-header'],
    ['ce_globalposition', 'abc', 'invalid-header'],
    ['ce_schemaversion', '0', 'invalid-header'],
    ['ce_subject', 'opportunity-other', 'invalid-header'],
  ] as const)('yields a typed error when %s is %p', (name, value, reason) => {
    const error = errorOf(withHeader(name, value));
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(name);
  });
});
