import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import { opportunityContracts } from '@meridian/opportunities/contracts';
import type { CustomerContractPayloads, CustomerContractType } from '@meridian/customers/contracts';
import { customerContracts } from '@meridian/customers/contracts';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import { orderContracts } from '@meridian/orders/contracts';

export const at = '2026-03-01T09:00:00.000Z';

export type Envelope = Readonly<{ streamId: string; revision: number; position?: number; tenantId?: string; eventId?: string }>;

/** A consumed public event, as the decoder would yield it. */
export const consumedAs = (ceType: string, payload: unknown, envelope: Envelope): ConsumedEvent => ({
  eventId: envelope.eventId ?? `e-${envelope.streamId}-${envelope.revision}`,
  type: ceType,
  schemaVersion: 1,
  streamId: envelope.streamId,
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

/** Events of one customer stream, revisions counted from 0 in call order. */
export const customerStream = (customerId: string, options: Readonly<{ tenantId?: string; firstPosition?: number; firstRevision?: number }> = {}) => {
  let revision = options.firstRevision ?? 0;
  return <T extends CustomerContractType>(type: T, payload: Omit<CustomerContractPayloads[T], 'customerId'>): ConsumedEvent => {
    const next = revision++;
    return consumedAs(customerContracts[type].ceType, { customerId, ...payload }, {
      streamId: `customer-${customerId}`, revision: next, position: (options.firstPosition ?? 1) + next, tenantId: options.tenantId,
    });
  };
};

/** Events of one opportunity stream, revisions counted from 0 in call order. */
export const opportunityStream = (opportunityId: string, options: Readonly<{ tenantId?: string; firstPosition?: number }> = {}) => {
  let revision = 0;
  return <T extends OpportunityContractType>(type: T, payload: Omit<OpportunityContractPayloads[T], 'opportunityId'>): ConsumedEvent => {
    const next = revision++;
    return consumedAs(opportunityContracts[type].ceType, { opportunityId, ...payload }, {
      streamId: `opportunity-${opportunityId}`, revision: next, position: (options.firstPosition ?? 100) + next, tenantId: options.tenantId,
    });
  };
};

/** Events of one order stream, revisions counted from 0 in call order. */
export const orderStream = (orderId: string, customerId: string, options: Readonly<{ tenantId?: string; firstPosition?: number }> = {}) => {
  let revision = 0;
  return <T extends OrderContractType>(type: T, payload: Omit<OrderContractPayloads[T], 'orderId' | 'customerId'>): ConsumedEvent => {
    const next = revision++;
    return consumedAs(orderContracts[type].ceType, { orderId, customerId, ...payload }, {
      streamId: `order-${orderId}`, revision: next, position: (options.firstPosition ?? 200) + next, tenantId: options.tenantId,
    });
  };
};

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

export const orderLine = (unitPrice: number, currency = 'EUR') => ({
  lineId: 'l1', productId: 'analytics', description: 'Analytics licence', quantity: 1, unitPrice: { amount: unitPrice, currency },
});
