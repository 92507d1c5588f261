import type { CustomerListItem } from './customer-list.model';
import { customerListCounterDeltas, segmentCounterIdOf } from './customer-list.counters';

const row = (fields: Partial<CustomerListItem> = {}): CustomerListItem => ({
  tenantId: 'tenant-a', customerId: 'c1', kind: 'company', name: 'Acme', nameKey: 'acme', searchTerms: ['acme'], contactKeys: [], industry: null,
  region: 'emea', size: null, sourceChannel: 'web', ownerId: 'rep-ana', emails: [], phones: [], contacts: [], tags: [], groups: [], intent: null,
  intentLevel: null, consents: {}, segment: 'A', hasPurchases: 0, purchaseCount: 0, averageOrderValue: null, lastInteractionAt: null, lastInteraction: null,
  status: 'active', mergedInto: null, archivedAt: null, absorbed: [], registeredAt: '2026-03-01T09:00:00.000Z', streamRevision: 0, lastPosition: 1, ...fields,
});

const counter = (increments: Record<string, number>, tenantId = 'tenant-a') => [{ counterId: segmentCounterIdOf(tenantId), keys: { tenantId }, increments }];

describe('customer list counters: the segment distribution', () => {
  it('counts a registered customer in segment A', () => {
    expect(customerListCounterDeltas(null, row())).toEqual(counter({ A: 1 }));
  });

  it('moving a customer between segments is a decrement and an increment', () => {
    expect(customerListCounterDeltas(row({ segment: 'B' }), row({ segment: 'E' }))).toEqual(counter({ B: -1, E: 1 }));
  });

  it('a merge takes the absorbed customer out of the distribution; reverting it puts it back', () => {
    const merged = row({ segment: 'C', status: 'merged', mergedInto: 'c9' });
    expect(customerListCounterDeltas(row({ segment: 'C' }), merged)).toEqual(counter({ C: -1 }));
    expect(customerListCounterDeltas(merged, row({ segment: 'C' }))).toEqual(counter({ C: 1 }));
  });

  it('an archive takes the customer out of the distribution; a restore puts it back in the segment it has then', () => {
    const archived = row({ segment: 'C', status: 'archived', archivedAt: '2026-03-02T09:00:00.000Z' });
    expect(customerListCounterDeltas(row({ segment: 'C' }), archived)).toEqual(counter({ C: -1 }));
    expect(customerListCounterDeltas(archived, row({ ...archived, segment: 'D' }))).toEqual([]);
    expect(customerListCounterDeltas(row({ ...archived, segment: 'D' }), row({ segment: 'D' }))).toEqual(counter({ D: 1 }));
  });

  it('a merged-away customer changing segment moves nothing', () => {
    expect(customerListCounterDeltas(row({ status: 'merged', segment: 'B' }), row({ status: 'merged', segment: 'D' }))).toEqual([]);
  });

  it('changes that leave the segment alone touch no counter', () => {
    expect(customerListCounterDeltas(row(), row({ name: 'Acme Two', tags: ['vip'], absorbed: ['c2'] }))).toEqual([]);
    expect(customerListCounterDeltas(null, null)).toEqual([]);
  });

  it('a deleted row leaves its segment', () => {
    expect(customerListCounterDeltas(row({ segment: 'D' }), null)).toEqual(counter({ D: -1 }));
  });

  it('keeps one counter per tenant, with ids no tenant id can forge', () => {
    expect(customerListCounterDeltas(null, row({ tenantId: 'tenant-b' }))).toEqual(counter({ A: 1 }, 'tenant-b'));
    expect(segmentCounterIdOf('a|b')).toBe('segments|a%7Cb');
  });
});
