import { defaultSegmentPolicy } from '@meridian/customers/domain';
import { segmentDistribution } from '@meridian/read-models/customer-list';
import { eventHistory, money, registered } from '../testing/consumed-events';
import { projectedReadModels } from '../testing/memory-read-models';
import { toSegmentDistributionView } from './segment-distribution.view';
import { sweptCustomerIds } from './segment-sweep.service';

type Segment = 'A' | 'B' | 'C' | 'D' | 'E';

/** An order value recorded, then the segment it led to (as the customer aggregate emits them). */
const judged = (h: ReturnType<typeof eventHistory>, customerId: string, segment: Segment) => [
  h.customer(customerId, 'CustomerOrderValueRecorded', {
    orderId: `order-${customerId}`, netValue: money(10), purchasedAt: '2026-02-01T00:00:00Z', orderRevision: 2, recordedAt: '2026-02-01T00:00:00Z',
  }),
  h.customer(customerId, 'CustomerValueSegmentChanged', {
    previousSegment: 'A', segment, purchaseCount: 1, averageOrderValue: money(10), windowStart: '2025-03-01T00:00:00.000Z',
    windowEnd: '2026-03-01T00:00:00.000Z', changedAt: '2026-03-01T00:00:00Z',
  }),
];

/** 450 customers in B (more than two pages), one in each of C, D and E, two in A, one merged away from D. */
const scenario = () => {
  const h = eventHistory();
  const events = [];
  for (let index = 0; index < 450; index += 1) {
    const id = `b-${String(index).padStart(3, '0')}`;
    events.push(h.customer(id, 'CustomerRegistered', registered(`B customer ${index}`)), ...judged(h, id, 'B'));
  }
  for (const [id, segment] of [['c-1', 'C'], ['d-1', 'D'], ['e-1', 'E'], ['d-merged', 'D']] as const) {
    events.push(h.customer(id, 'CustomerRegistered', registered(id)), ...judged(h, id, segment));
  }
  events.push(h.customer('a-1', 'CustomerRegistered', registered('a-1')), h.customer('a-2', 'CustomerRegistered', registered('a-2')));
  // Bought once, and the purchase has left the window: in A, yet a wider window could move it back.
  events.push(h.customer('a-lapsed', 'CustomerRegistered', registered('a-lapsed')), ...judged(h, 'a-lapsed', 'A'));
  events.push(h.customer('d-merged', 'CustomerMergedInto', { survivorId: 'd-1', mergedAt: '2026-03-02T00:00:00Z' }));
  return events;
};

describe('sweptCustomerIds', () => {
  it('collects every active customer who ever bought across pages (A included), and none who never did or was merged away', async () => {
    const { list } = await projectedReadModels(scenario());
    const ids = await sweptCustomerIds(list.documents, 'acme');
    expect(ids).toHaveLength(454);
    expect(new Set(ids).size).toBe(454);
    expect(ids.slice(0, 1)).toEqual(['a-lapsed']);
    expect(ids.slice(-3)).toEqual(['c-1', 'd-1', 'e-1']);
    expect(ids).not.toContain('a-1');
    expect(ids).not.toContain('d-merged');
    expect(await sweptCustomerIds(list.documents, 'globex')).toEqual([]);
  });
});

describe('toSegmentDistributionView', () => {
  it('lists A to E with their meaning and count from the counters, and the policy in force', async () => {
    const { list } = await projectedReadModels(scenario());
    const view = toSegmentDistributionView(await segmentDistribution(list.counters, 'acme'), defaultSegmentPolicy);
    expect(view).toEqual({
      segments: [
        { segment: 'A', meaning: 'No purchase in the window', customers: 3 },
        { segment: 'B', meaning: 'Low value, low frequency', customers: 450 },
        { segment: 'C', meaning: 'High value, low frequency', customers: 1 },
        { segment: 'D', meaning: 'Low value, high frequency', customers: 1 },
        { segment: 'E', meaning: 'High value, high frequency', customers: 1 },
      ],
      total: 456,
      policy: { windowDays: 365, currency: 'EUR', highAverageOrderValue: money(1000), highPurchaseCount: 4 },
    });
  });
});
