import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@meridian/platform/eventsourcing';
import type { OpportunityOpenedV1, OpportunityStageChangedV1 } from '@meridian/opportunities/contracts';

const at = '2026-03-01T09:00:00.000Z';

const metadata = (correlationId: string) => ({
  tenantId: 'tenant-relay',
  actorId: 'rep-ana',
  correlationId,
  causationId: `cmd-${randomUUID()}`,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  schemaVersion: 1,
  occurredAt: at,
});

export const opened = (opportunityId: string): NewEvent => {
  const data: OpportunityOpenedV1 = {
    opportunityId, customerId: 'cust-acme', name: 'ACME rollout', ownerId: 'rep-ana', amount: { amount: 19.99, currency: 'EUR' },
    expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
  };
  return { eventId: randomUUID(), type: 'OpportunityOpened', data, metadata: metadata(`corr-${opportunityId}`) };
};

/** Alternates lead → qualified → lead …, so any number of valid stage changes can follow an open. */
export const stageChanged = (opportunityId: string, index: number): NewEvent => {
  const forward = index % 2 === 0;
  const data: OpportunityStageChangedV1 = {
    opportunityId,
    fromStage: forward ? 'lead' : 'qualified',
    toStage: forward ? 'qualified' : 'lead',
    direction: forward ? 'forward' : 'backward',
    changedAt: at,
  };
  return { eventId: randomUUID(), type: 'OpportunityStageChanged', data, metadata: metadata(`corr-${opportunityId}`) };
};

/** An opened deal followed by `changes` stage changes: one stream's worth of valid events. */
export const dealHistory = (opportunityId: string, changes: number): NewEvent[] => [
  opened(opportunityId),
  ...Array.from({ length: changes }, (_, index) => stageChanged(opportunityId, index)),
];
