import type { EventStore } from '@meridian/platform/eventsourcing';
export const tenantA = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ada' };
export const tenantB = { 'x-tenant-id': 'globex', 'x-user-id': 'rep-hank' };

export const newOpportunityBody = (overrides: Record<string, unknown> = {}) => ({
  customerId: 'cus-1001',
  name: 'ACME: 200 seats, annual plan',
  ownerId: 'rep-ada',
  amount: { amount: 120000, currency: 'EUR' },
  expectedCloseDate: '2026-12-15',
  sourceChannel: 'webinar',
  productLine: 'analytics-suite',
  region: 'emea',
  ...overrides,
});

/**
 * Opportunity events appended after `position`. "Nothing was appended" is
 * checked per category: in standalone the process managers append orders in
 * the background (for deals an earlier test won), so the head moves anyway.
 */
export const opportunityEventsAfter = async (store: EventStore, position: number) =>
  (await store.readAll({ after: position, maxCount: 10_000 })).filter((event) => event.streamId.startsWith('opportunity-'));
