import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import { opportunityContracts } from '@meridian/opportunities/contracts';

export const at = '2026-03-01T09:00:00.000Z';

/** A consumed public opportunity event, as the decoder would yield it. */
export const consumed = <T extends OpportunityContractType>(
  type: T,
  payload: OpportunityContractPayloads[T],
  envelope: Readonly<{ streamId?: string; revision: number; position?: number; tenantId?: string }>,
): ConsumedEvent => ({
  eventId: `e-${envelope.streamId ?? 'o1'}-${envelope.revision}`,
  type: opportunityContracts[type].ceType,
  schemaVersion: 1,
  streamId: envelope.streamId ?? `opportunity-${payload.opportunityId}`,
  streamRevision: envelope.revision,
  globalPosition: envelope.position ?? envelope.revision + 1,
  tenantId: envelope.tenantId ?? 'tenant-a',
  occurredAt: at,
  correlationId: 'corr',
  causationId: 'cause',
  payload,
  partition: 0,
  offset: String(envelope.revision),
});

export type OpenedOverrides = Partial<OpportunityContractPayloads['OpportunityOpened']>;

export const openedPayload = (opportunityId: string, overrides: OpenedOverrides = {}): OpportunityContractPayloads['OpportunityOpened'] => ({
  opportunityId, customerId: 'cust-acme', name: `Deal ${opportunityId}`, ownerId: 'rep-ana', amount: { amount: 1000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
  ...overrides,
});
