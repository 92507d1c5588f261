import { randomUUID } from 'node:crypto';
import type { CustomerContractPayloads } from '@meridian/customers/contracts';
import type { EventStore, NewEvent } from '@meridian/platform/eventsourcing';
import type { OpportunityOpenedV1, OpportunityStageChangedV1 } from '@meridian/opportunities/contracts';

const at = '2026-03-01T09:00:00.000Z';

const metadata = () => ({
  tenantId: 'tenant-fresh-start', actorId: 'rep-ana', correlationId: `corr-${randomUUID()}`, causationId: `cmd-${randomUUID()}`,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', schemaVersion: 1, occurredAt: at,
});

const event = (type: string, data: unknown): NewEvent => ({ eventId: randomUUID(), type, data, metadata: metadata() });

/** How many events `appendFirstEvents` stores on each context topic (without prefix). */
export const firstEventsPerTopic: Readonly<Record<string, number>> = { 'crm.opportunities': 2, 'crm.customers': 1 };

/** A deal opened and qualified, and a customer registered: something for every read model to project. */
export const appendFirstEvents = async (store: EventStore): Promise<void> => {
  const opportunityId = randomUUID();
  const opened: OpportunityOpenedV1 = {
    opportunityId, customerId: 'cust-acme', name: 'ACME rollout', ownerId: 'rep-ana', amount: { amount: 1200, currency: 'EUR' },
    expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
  };
  const qualified: OpportunityStageChangedV1 = { opportunityId, fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: at };
  await store.appendToStream(`opportunity-${opportunityId}`, [event('OpportunityOpened', opened), event('OpportunityStageChanged', qualified)], 'no_stream');

  const customerId = randomUUID();
  const registered: CustomerContractPayloads['CustomerRegistered'] = {
    customerId, kind: 'company', name: 'ACME Analytics GmbH', region: 'dach', ownerId: 'rep-ana', sourceChannel: 'webinar',
    emails: ['sales@acme.example'], phones: [], registeredAt: at,
  };
  await store.appendToStream(`customer-${customerId}`, [event('CustomerRegistered', registered)], 'no_stream');
};
