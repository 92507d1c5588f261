import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from '../customer-activity.model';
import { customerActivityProjection } from '../customer-activity.projection';
import { at, customerStream, eur, opportunityStream, orderLine, orderStream } from './activity-events';

const registration = (name: string) =>
  ({ kind: 'company', name, region: 'emea', sourceChannel: 'web', ownerId: 'rep-ana', emails: [], phones: [], registeredAt: at }) as const;

const opening = (customerId: string, name: string, expectedCloseDate: string) =>
  ({ customerId, name, ownerId: 'rep-ana', amount: eur(5000), expectedCloseDate, sourceChannel: 'web', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at }) as const;

/**
 * Tenant-a: c1 absorbed c2; c3 is unrelated. Tenant-b has its own c1 (ids
 * are only unique per tenant as far as these queries are concerned).
 * - c1: an interaction on 03-02, open deal o1 (closes 09-30), order r1 of 0.30 EUR paid 0.10 + 0.20
 * - c2: an interaction on 03-05, open deal o2 (closes 06-30), lost deal o3, order r2 of 100 USD paid, 10 USD refunded
 * - c3: order r3 of 50 EUR paid
 * - tenant-b c1: order r4 of 70 EUR paid
 */
export const customerActivityScenario = (): ConsumedEvent[] => {
  const c1 = customerStream('c1', { firstPosition: 1 });
  const c2 = customerStream('c2', { firstPosition: 10 });
  const c3 = customerStream('c3', { firstPosition: 20 });
  const o1 = opportunityStream('o1', { firstPosition: 30 });
  const o2 = opportunityStream('o2', { firstPosition: 40 });
  const o3 = opportunityStream('o3', { firstPosition: 50 });
  const r1 = orderStream('r1', 'c1', { firstPosition: 60 });
  const r2 = orderStream('r2', 'c2', { firstPosition: 70 });
  const r3 = orderStream('r3', 'c3', { firstPosition: 80 });
  const r4 = orderStream('r4', 'c1', { firstPosition: 90, tenantId: 'tenant-b' });
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const bc1 = customerStream('b-c1', { firstPosition: 95, tenantId: 'tenant-b' });
  return [
    c1('CustomerRegistered', registration('Acme Corp')),
    c2('CustomerRegistered', registration('ACME Corporation')),
    c3('CustomerRegistered', registration('Globex')),
    bc1('CustomerRegistered', registration('Other tenant')),
    c1('InteractionRecorded', { interactionId: 'i1', kind: 'call', occurredAt: '2026-03-02T10:00:00.000Z', summary: 'intro call', recordedAt: at }),
    c2('InteractionRecorded', { interactionId: 'i2', kind: 'visit', occurredAt: '2026-03-05T10:00:00.000Z', summary: 'site visit', recordedAt: at }),
    o1('OpportunityOpened', opening('c1', 'Renewal', '2026-09-30')),
    o2('OpportunityOpened', opening('c2', 'Expansion', '2026-06-30')),
    o3('OpportunityOpened', opening('c2', 'Pilot', '2026-04-30')),
    o3('OpportunityLost', { fromStage: 'lead', reason: 'no budget', lostAt: '2026-03-03T00:00:00.000Z' }),
    r1('OrderPlaced', { currency: 'EUR', lines: [orderLine(0.3)], total: eur(0.3), placedAt: '2026-03-06T00:00:00.000Z' }),
    r1('OrderConfirmed', { total: eur(0.3), confirmedAt: '2026-03-06T01:00:00.000Z' }),
    r1('PaymentReceived', { paymentId: 'p1', amount: eur(0.1), paidToDate: eur(0.1), outstanding: eur(0.2), netPaid: eur(0.1), method: 'card', receivedAt: '2026-03-07T00:00:00.000Z' }),
    r1('PaymentReceived', { paymentId: 'p2', amount: eur(0.2), paidToDate: eur(0.3), outstanding: eur(0), netPaid: eur(0.3), method: 'card', receivedAt: '2026-03-08T00:00:00.000Z' }),
    r2('OrderPlaced', { currency: 'USD', lines: [orderLine(100, 'USD')], total: usd(100), placedAt: '2026-03-04T00:00:00.000Z' }),
    r2('OrderConfirmed', { total: usd(100), confirmedAt: '2026-03-04T01:00:00.000Z' }),
    r2('PaymentReceived', { paymentId: 'p3', amount: usd(100), paidToDate: usd(100), outstanding: usd(0), netPaid: usd(100), method: 'transfer', receivedAt: '2026-03-04T02:00:00.000Z' }),
    r2('OrderRefunded', { refundId: 'f1', amount: usd(10), refundedToDate: usd(10), netPaid: usd(90), reason: 'late delivery', refundedAt: '2026-03-09T00:00:00.000Z' }),
    r3('OrderPlaced', { currency: 'EUR', lines: [orderLine(50)], total: eur(50), placedAt: at }),
    r4('OrderPlaced', { currency: 'EUR', lines: [orderLine(70)], total: eur(70), placedAt: at }),
    c1('CustomersMerged', { mergedCustomerId: 'c2', reason: 'duplicate', mergedAt: '2026-03-10T00:00:00.000Z' }),
    c2('CustomerMergedInto', { survivorId: 'c1', mergedAt: '2026-03-10T00:00:00.000Z' }),
  ];
};

/** Applies events as the runtime does, on one delivery lane with growing sequence. */
export const applyAll = async (storage: ReadModelStorage<CustomerActivityDocument>, events: readonly ConsumedEvent[]): Promise<void> => {
  let sequence = 0;
  for (const event of events) await applyEvent(customerActivityProjection, storage, event, { id: 'spec#0', sequence: sequence++ });
};
