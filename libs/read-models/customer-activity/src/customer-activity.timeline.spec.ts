import type { ActivityEntry, CustomerActivityDocument } from './customer-activity.model';
import { InvalidTimelineCursor, timeline, timelineCursorOf } from './customer-activity.timeline';

const entry = (eventId: string, at: string, position: number): ActivityEntry => ({ at, type: 'InteractionRecorded', summary: eventId, eventId, position });

const part = (customerId: string, kind: 'customer' | 'order', entries: readonly ActivityEntry[]): CustomerActivityDocument =>
  kind === 'customer'
    ? { tenantId: 't', sourceStreamId: `customer-${customerId}`, kind, customerId, entries, truncated: 0, streamRevision: 0, lastPosition: 0,
        summary: { name: customerId, mergedInto: null, absorbed: [], lastInteraction: null } }
    : { tenantId: 't', sourceStreamId: `order-${customerId}-1`, kind, customerId, entries, truncated: 0, streamRevision: 0, lastPosition: 0,
        summary: { orderId: `${customerId}-1`, status: 'placed', currency: 'EUR', totalMinor: 1, paidMinor: 0, refundedMinor: 0, opportunityId: null,
          createdAt: '2026-01-01T00:00:00.000Z', lastPaymentAt: null, payments: [], refunds: [] } };

const parts = [
  part('c1', 'customer', [entry('a', '2026-03-01T00:00:00.000Z', 1), entry('d', '2026-03-04T00:00:00.000Z', 9)]),
  part('c2', 'customer', [entry('b', '2026-03-02T00:00:00.000Z', 3)]),
  part('c1', 'order', [entry('c', '2026-03-04T00:00:00.000Z', 5), entry('e', '2026-03-05T00:00:00.000Z', 2)]),
];

describe('customer 360 timeline', () => {
  it('merges every part newest first; equal instants by position, newest first', () => {
    const page = timeline(parts);
    expect(page.items.map((i) => i.eventId)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(page.items[0]).toEqual({ ...parts[2].entries[1], customerId: 'c1', kind: 'order', sourceStreamId: 'order-c1-1' });
    expect(page.next).toBeNull();
  });

  it('says how many older entries its parts no longer keep (0 = complete)', () => {
    expect(timeline(parts).truncatedEntries).toBe(0);
    const trimmed = [{ ...parts[0], truncated: 6 }, parts[1], { ...parts[2], truncated: 2 }];
    expect(timeline(trimmed, { limit: 1 }).truncatedEntries).toBe(8);
  });

  it('pages by cursor without overlap or gap, and the last page has no next', () => {
    const first = timeline(parts, { limit: 2 });
    expect(first.items.map((i) => i.eventId)).toEqual(['e', 'd']);
    expect(first.next).toBe(timelineCursorOf(first.items[1]));
    const second = timeline(parts, { limit: 2, before: first.next ?? undefined });
    expect(second.items.map((i) => i.eventId)).toEqual(['c', 'b']);
    const third = timeline(parts, { limit: 2, before: second.next ?? undefined });
    expect([third.items.map((i) => i.eventId), third.next]).toEqual([['a'], null]);
  });

  it('an entry added after the first page was read does not shift the next page', () => {
    const first = timeline(parts, { limit: 2 });
    const grown = [...parts, part('c3', 'customer', [entry('f', '2026-03-06T00:00:00.000Z', 20)])];
    expect(timeline(grown, { limit: 2, before: first.next ?? undefined }).items.map((i) => i.eventId)).toEqual(['c', 'b']);
  });

  it('shows an entry once even if a part is passed twice, and clamps the page size', () => {
    expect(timeline([...parts, parts[0]]).items).toHaveLength(5);
    expect(timeline(parts, { limit: 0 }).items).toHaveLength(1);
  });

  it('refuses a cursor it did not hand out', () => {
    for (const bad of ['', 'yesterday|1|a', '2026-03-01T00:00:00.000Z|x|a', '2026-03-01T00:00:00.000Z|1|']) {
      expect(() => timeline(parts, { before: bad })).toThrow(InvalidTimelineCursor);
    }
    expect(timeline(parts, { before: '2026-03-04T00:00:00.000Z|5|c' }).items.map((i) => i.eventId)).toEqual(['b', 'a']);
  });
});
