import type { PageCursorScope } from '@meridian/platform/nest';
import type { CustomerListFilters, CustomerListSort, CustomerSegment } from '@meridian/read-models/customer-list';
import { customerListFilterOf, defaultCustomerListSort } from '@meridian/read-models/customer-list';

/**
 * What a customer-list cursor is bound to: the sort (defaults applied) and
 * the store filter the parameters make, the tenant's included. Filters that
 * select the same rows share cursors (archived unset or `exclude`, a search
 * spaced or cased differently); any other filter refuses it.
 */
export const customerListCursorScope = (tenantId: string, filters: CustomerListFilters, sort: CustomerListSort): PageCursorScope => ({
  sort: { by: sort.by ?? defaultCustomerListSort.by, direction: sort.direction ?? defaultCustomerListSort.direction },
  // The folded name or the registration instant, then the customer id: all text.
  keyTypes: ['string', 'string'],
  filter: customerListFilterOf(tenantId, filters),
});

/**
 * A segment's members are the list filtered by segment, by name, so a cursor
 * of one segment (or tenant) is refused for another. A cursor of
 * GET /customers?segment=X pages the very same rows and is accepted.
 */
export const segmentCustomersCursorScope = (tenantId: string, segment: CustomerSegment): PageCursorScope =>
  customerListCursorScope(tenantId, { segment }, defaultCustomerListSort);
