import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { CustomerContractPayloads, CustomerContractType } from '@meridian/customers/contracts';
import { customerContracts } from '@meridian/customers/contracts';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import { opportunityContracts } from '@meridian/opportunities/contracts';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import { orderContracts } from '@meridian/orders/contracts';

type Without<TPayload, TKeys extends string> = Omit<TPayload, TKeys>;

/**
 * Public events of one tenant as a consumer decodes them, for specs that
 * project into the read models. One history: every call is the next global
 * position, and each stream counts its own revisions.
 */
export const eventHistory = (tenantId = 'acme') => {
  let position = 0;
  const revisions = new Map<string, number>();
  const next = (streamId: string, ceType: string, payload: unknown): ConsumedEvent => {
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    position += 1;
    return {
      eventId: `${streamId}@${revision}`, type: ceType, schemaVersion: 1, streamId, streamRevision: revision, globalPosition: position,
      tenantId, occurredAt: '2026-03-01T09:00:00.000Z', correlationId: 'spec', causationId: 'spec', payload, partition: 0, offset: String(position),
    };
  };
  return {
    customer: <T extends CustomerContractType>(customerId: string, type: T, payload: Without<CustomerContractPayloads[T], 'customerId'>) =>
      next(`customer-${customerId}`, customerContracts[type].ceType, { customerId, ...payload }),
    opportunity: <T extends OpportunityContractType>(opportunityId: string, type: T, payload: Without<OpportunityContractPayloads[T], 'opportunityId'>) =>
      next(`opportunity-${opportunityId}`, opportunityContracts[type].ceType, { opportunityId, ...payload }),
    order: <T extends OrderContractType>(orderId: string, customerId: string, type: T, payload: Without<OrderContractPayloads[T], 'orderId' | 'customerId'>) =>
      next(`order-${orderId}`, orderContracts[type].ceType, { orderId, customerId, ...payload }),
  };
};

export const money = (amount: number, currency = 'EUR') => ({ amount, currency });

/** A company as the customers context registers it (normalised contact points). */
export const registered = (name: string, overrides: Partial<Without<CustomerContractPayloads['CustomerRegistered'], 'customerId'>> = {}) => ({
  kind: 'company' as const, name, industry: 'software', region: 'emea', size: '51-200' as const, sourceChannel: 'web', ownerId: 'rep-ana',
  emails: [], phones: [], registeredAt: '2026-01-05T09:00:00.000Z', ...overrides,
});
