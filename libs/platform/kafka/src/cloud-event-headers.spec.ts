import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { toCloudEventHeaders } from './cloud-event-headers';
import { sampleRecordedEvent } from './testing/sample-recorded-event';

const event: RecordedEvent = sampleRecordedEvent;
const attributes = { source: '/meridian/opportunities', ceType: 'crm.opportunities.OpportunityStageChanged.v1' };

describe('toCloudEventHeaders (CloudEvents 1.0, Kafka binary mode)', () => {
  it('maps every envelope field to its header', () => {
    expect(toCloudEventHeaders(event, attributes)).toEqual({
      ce_specversion: '1.0',
      ce_id: event.eventId,
      ce_source: '/meridian/opportunities',
      ce_type: 'crm.opportunities.OpportunityStageChanged.v1',
      ce_subject: event.streamId,
      ce_time: '2026-03-01T09:00:00.000Z',
      'content-type': 'application/json',
      ce_tenantid: 'tenant-a',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cmd-1',
      ce_actorid: 'rep-ana',
      ce_streamrevision: '3',
      ce_globalposition: '1042',
      ce_schemaversion: '1',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
  });

  it('gives an event stored without a traceparent, or with an unreadable one, an unsampled trace of its own, the same on every send', () => {
    const { traceparent: _dropped, ...metadata } = event.metadata;
    const headers = toCloudEventHeaders({ ...event, metadata }, attributes);
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(headers.traceparent).not.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(toCloudEventHeaders({ ...event, metadata: { ...metadata, traceparent: 'garbage' } }, attributes).traceparent).toBe(headers.traceparent);
    expect(toCloudEventHeaders({ ...event, eventId: '1b7e3c1e-5d0a-4a43-9a57-6f0f1c3b2a11', metadata }, attributes).traceparent).not.toBe(headers.traceparent);
    expect(headers.ce_id).toBe(event.eventId);
  });

  it('uses only valid CloudEvents attribute names (lowercase alphanumerics after ce_)', () => {
    const names = Object.keys(toCloudEventHeaders(event, attributes)).filter((name) => name.startsWith('ce_'));
    for (const name of names) expect(name.slice(3)).toMatch(/^[a-z0-9]{1,20}$/);
  });

  it('is deterministic: a re-sent event carries identical headers (same ce_id)', () => {
    expect(toCloudEventHeaders(event, attributes)).toEqual(toCloudEventHeaders(structuredClone(event), attributes));
  });
});
