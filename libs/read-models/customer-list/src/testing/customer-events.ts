import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { CustomerContractPayloads, CustomerContractType } from '@meridian/customers/contracts';
import { customerContracts } from '@meridian/customers/contracts';

export const at = '2026-03-01T09:00:00.000Z';

type Options = Readonly<{ tenantId?: string; firstPosition?: number; firstRevision?: number }>;
type CustomerPayload<T extends CustomerContractType> = Omit<CustomerContractPayloads[T], 'customerId'>;

/** A consumed public customer event, as the decoder would yield it. */
export const consumedCustomerEvent = (ceType: string, payload: unknown, envelope: Readonly<{ streamId: string; revision: number; position: number; tenantId: string }>): ConsumedEvent => ({
  eventId: `e-${envelope.streamId}-${envelope.revision}`,
  type: ceType,
  schemaVersion: 1,
  streamId: envelope.streamId,
  streamRevision: envelope.revision,
  globalPosition: envelope.position,
  tenantId: envelope.tenantId,
  occurredAt: at,
  correlationId: 'corr',
  causationId: 'cause',
  payload,
  partition: 0,
  offset: String(envelope.revision),
});

/** Events of one `customer-<id>` stream, revisions counted up in call order. */
export const customerStream = (customerId: string, options: Options = {}) => {
  let revision = options.firstRevision ?? 0;
  const tenantId = options.tenantId ?? 'tenant-a';
  const firstPosition = options.firstPosition ?? 1;
  return <T extends CustomerContractType>(type: T, payload: CustomerPayload<T>): ConsumedEvent => {
    const next = revision++;
    return consumedCustomerEvent(customerContracts[type].ceType, { customerId, ...payload }, {
      streamId: `customer-${customerId}`, revision: next, position: firstPosition + next, tenantId,
    });
  };
};

export const registration = (overrides: Partial<CustomerPayload<'CustomerRegistered'>> = {}): CustomerPayload<'CustomerRegistered'> => ({
  kind: 'company', name: 'Acme Corp', industry: 'software', region: 'emea', size: '51-200', sourceChannel: 'web', ownerId: 'rep-ana',
  emails: ['ann@acme.com'], phones: ['+15550104477'], registeredAt: at, ...overrides,
});

export const eur = (amount: number) => ({ amount, currency: 'EUR' });
