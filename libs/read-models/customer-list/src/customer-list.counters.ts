import type { CounterDelta } from '@meridian/platform/projections';
import type { CustomerListItem, CustomerSegment } from './customer-list.model';

/** One counter per tenant; the id is URI-encoded so no tenant id can collide with another. */
export const segmentCounterIdOf = (tenantId: string): string => `segments|${encodeURIComponent(tenantId)}`;

/**
 * The segment a customer counts in, or null: a merged-away customer is counted
 * by its survivor's row only, and an archived one not at all until restored.
 */
const countedSegmentOf = (item: CustomerListItem | null): CustomerSegment | null =>
  item === null || item.status !== 'active' ? null : item.segment;

/**
 * The segment distribution as counters: figure `<segment>` is the number of
 * the tenant's customers in it. Moving between segments is a decrement and
 * an increment on the same counter; a merge takes the absorbed customer out,
 * its revert puts it back; an archive takes the customer out, a restore puts
 * it back in the segment it has then. A change that leaves the counted segment alone
 * yields no delta at all, so most events touch no counter.
 */
export const customerListCounterDeltas = (before: CustomerListItem | null, after: CustomerListItem | null): CounterDelta[] => {
  const was = countedSegmentOf(before);
  const is = countedSegmentOf(after);
  if (was === is) return [];
  const tenantId = after?.tenantId ?? before?.tenantId;
  if (tenantId === undefined) return [];
  const increments: Record<string, number> = {};
  if (was !== null) increments[was] = -1;
  if (is !== null) increments[is] = 1;
  return [{ counterId: segmentCounterIdOf(tenantId), keys: { tenantId }, increments }];
};
