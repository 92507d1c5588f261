import type { RecordedEvent } from '@meridian/platform/eventsourcing';

/** One fully stamped event, as the store records it, for the CloudEvents mapping specs. */
export const sampleRecordedEvent: RecordedEvent = {
  eventId: '0b7e3c1e-5d0a-4a43-9a57-6f0f1c3b2a11',
  type: 'OpportunityStageChanged',
  streamId: 'opportunity-6f1c0d2e-aaaa-bbbb-cccc-000000000001',
  revision: 3,
  globalPosition: 1042,
  recordedAt: '2026-03-01T09:00:01.000Z',
  data: { opportunityId: 'x' },
  metadata: {
    tenantId: 'tenant-a',
    actorId: 'rep-ana',
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    schemaVersion: 1,
    occurredAt: '2026-03-01T09:00:00.000Z',
  },
};
