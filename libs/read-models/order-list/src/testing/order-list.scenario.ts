import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent } from '@meridian/platform/projections';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import type { OrderListItem } from '../order-list.projection';
import { orderListProjection } from '../order-list.projection';
import type { OrderStep } from './order-events';
import { cancelling, confirming, consumed, drafting, eur, paying, placing } from './order-events';

type Order = Readonly<{ tenantId: string; customerId: string; steps: readonly OrderStep[] }>;

/**
 * Six orders, worked out by hand in the contract (ids sort o1 < … < o6, the tie-break):
 * o2's local evening is the next UTC day; o2 and o5 tie on total; o5 is placed
 * on the last millisecond of January.
 */
const orders: Readonly<Record<string, Order>> = {
  o1: { tenantId: 'tenant-a', customerId: 'cus-1', steps: [placing({ customerId: 'cus-1', total: eur(100), placedAt: '2026-01-10T09:00:00.000Z' }), confirming(100), paying('p1', 100, 100, 100)] },
  o2: { tenantId: 'tenant-a', customerId: 'cus-2', steps: [placing({ customerId: 'cus-2', total: eur(250.5), placedAt: '2026-01-20T23:30:00-01:00' })] },
  o3: { tenantId: 'tenant-a', customerId: 'cus-1', steps: [drafting('opp-1', 1800, '2026-02-01T00:00:00.000Z')] },
  o4: { tenantId: 'tenant-a', customerId: 'cus-1', steps: [placing({ customerId: 'cus-1', total: eur(40), placedAt: '2026-02-15T12:00:00.000Z' }), cancelling()] },
  o5: { tenantId: 'tenant-a', customerId: 'cus-3', steps: [placing({ customerId: 'cus-3', total: eur(250.5), opportunityId: 'opp-2', placedAt: '2026-01-31T23:59:59.999Z' })] },
  o6: { tenantId: 'tenant-b', customerId: 'cus-1', steps: [placing({ customerId: 'cus-1', total: eur(999), placedAt: '2026-01-15T10:00:00.000Z' })] },
};

/** Every order's events, interleaved as a feed would deliver them: by global position. */
export const orderListScenario = (): ConsumedEvent[] => {
  const events: ConsumedEvent[] = [];
  let position = 0;
  for (const [orderId, order] of Object.entries(orders)) {
    order.steps.forEach((step, revision) => {
      const { type, payload } = step(orderId, order.customerId);
      events.push(consumed(type as OrderContractType, payload as OrderContractPayloads[OrderContractType], { revision, position: ++position, tenantId: order.tenantId }));
    });
  }
  return events;
};

export const applyAll = async (storage: ReadModelStorage<OrderListItem>, events: readonly ConsumedEvent[]): Promise<void> => {
  let sequence = 0;
  for (const event of events) await applyEvent(orderListProjection, storage, event, { id: 'spec#0', sequence: sequence++ });
};
