import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import { lastInteraction, lifetimeRevenue, openOpportunities, ordersWithPayments, timeline } from '@meridian/read-models/customer-activity';
import type { CustomerListItem, ListedConsent } from '@meridian/read-models/customer-list';
import { toTimelinePageView } from '../customer-timeline/timeline-page.view';
import type { Customer360ConsentView } from './customer-profile.view';
import type { Customer360View } from './customer-360.view';

/** The 360 view shows the newest entries only; the timeline endpoint pages on from its `next`. */
export const first360TimelinePage = 20;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const consentsOf = (consents: CustomerListItem['consents']): Customer360ConsentView[] =>
  (Object.entries(consents) as [string, ListedConsent | undefined][])
    .filter((entry): entry is [string, ListedConsent] => entry[1] !== undefined)
    .sort(([a], [b]) => byText(a, b))
    .map(([purpose, { granted, source, recordedAt }]) => ({ purpose, granted, source, recordedAt }));

/**
 * Pure: the customer's row from the list plus the activity documents of its
 * lineage, as one view. The profile, tags, consents and segment are the
 * survivor's own (absorbed customers keep theirs in their own rows); deals,
 * orders, revenue, the last interaction and the timeline span the lineage.
 */
export const toCustomer360View = (
  item: CustomerListItem,
  lineage: readonly string[],
  parts: readonly CustomerActivityDocument[],
  timelineLimit = first360TimelinePage,
): Customer360View => ({
  customerId: item.customerId,
  profile: {
    kind: item.kind, name: item.name, industry: item.industry, region: item.region, size: item.size, sourceChannel: item.sourceChannel,
    emails: [...item.emails], phones: [...item.phones], registeredAt: item.registeredAt,
  },
  contacts: item.contacts.map((contact) => ({ ...contact, emails: [...contact.emails], phones: [...contact.phones] })),
  tags: [...item.tags],
  groups: [...item.groups],
  ownerId: item.ownerId,
  intent: item.intent === null ? null : { ...item.intent },
  consents: consentsOf(item.consents),
  segment: { segment: item.segment, purchaseCount: item.purchaseCount, averageOrderValue: item.averageOrderValue === null ? null : { ...item.averageOrderValue } },
  archived: item.status === 'archived',
  // A row of a generation from before archiving has no archivedAt (rebuild customer-list for it).
  archivedAt: item.archivedAt ?? null,
  lineage: { absorbed: [...item.absorbed], customerIds: [...lineage] },
  openOpportunities: openOpportunities(parts).map((deal) => ({ ...deal, amount: { ...deal.amount } })),
  orders: ordersWithPayments(parts).map((order) => ({
    ...order,
    payments: order.payments.map((payment) => ({ ...payment })),
    refunds: order.refunds.map((refund) => ({ ...refund })),
  })),
  lifetimeRevenue: lifetimeRevenue(parts),
  lastInteraction: lastInteraction(parts),
  timeline: toTimelinePageView(timeline(parts, { limit: timelineLimit })),
  revision: item.streamRevision,
});
