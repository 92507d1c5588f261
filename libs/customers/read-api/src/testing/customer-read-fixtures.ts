import { randomUUID } from 'node:crypto';
import type { TestHost } from '@meridian/platform/testing';
import { appendOpportunityEvents, appendOrderEvents } from './foreign-context-events';

export const tenantA = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ana' };
export const tenantB = { 'x-tenant-id': 'globex', 'x-user-id': 'rep-bo' };
export const problemJson = 'application/problem+json';

export const daysAgo = (days: number): string => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
const eur = (amount: number, currency = 'EUR') => ({ amount, currency });

export const customerBody = (name: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'company', name, industry: 'software', region: 'emea', sourceChannel: 'web', ownerId: 'rep-ana', emails: [], phones: [], ...overrides,
});

export type Registered = Readonly<{ customerId: string; position: number }>;

/** Registers through the customers API, failing loudly on anything but 201. */
export const registerCustomer = async (host: TestHost, body: unknown, headers: Record<string, string> = tenantA): Promise<Registered> => {
  const response = await host.request('POST', '/api/v1/customers', { headers, body });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${response.text}`);
  return response.body as Registered;
};

/** A customers-API command that must succeed; its position, for X-Min-Position. */
export const command = async (host: TestHost, method: string, path: string, body: unknown, headers: Record<string, string> = tenantA): Promise<number> => {
  const response = await host.request(method, path, { headers, body });
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
  return (response.body as { position: number }).position;
};

/** An open deal of the customer, moved to qualified, as the opportunities context would store it; its position. */
export const qualifiedDeal = (host: TestHost, customerId: string, name: string, tenantId = tenantA['x-tenant-id']): Promise<number> => {
  const opportunityId = randomUUID();
  const at = daysAgo(3);
  return appendOpportunityEvents(host.store, tenantId, opportunityId, [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId, customerId, name, ownerId: 'rep-ana', amount: eur(12_000), expectedCloseDate: '2030-06-30',
        sourceChannel: 'web', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
      },
    },
    { type: 'OpportunityStageChanged', data: { opportunityId, fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: at } },
  ]);
};

export type PaidOrder = Readonly<{ customerId: string; amount: number; currency?: string; paidAt?: string }>;

/** A placed, confirmed and fully paid order, as the orders context would store it; its position. */
export const paidOrder = (host: TestHost, order: PaidOrder, tenantId = tenantA['x-tenant-id']): Promise<number> => {
  const orderId = randomUUID();
  const { customerId } = order;
  const total = eur(order.amount, order.currency);
  const paidAt = order.paidAt ?? daysAgo(1);
  return appendOrderEvents(host.store, tenantId, orderId, [
    {
      type: 'OrderPlaced',
      data: { orderId, customerId, currency: total.currency, total, placedAt: paidAt, lines: [{ lineId: 'l1', productId: 'seats', description: 'Seats', quantity: 1, unitPrice: total }] },
    },
    { type: 'OrderConfirmed', data: { orderId, customerId, total, confirmedAt: paidAt } },
    {
      type: 'PaymentReceived',
      data: { orderId, customerId, paymentId: randomUUID(), amount: total, paidToDate: total, outstanding: eur(0, total.currency), netPaid: total, method: 'card', receivedAt: paidAt },
    },
  ]);
};

/** A GET that does not follow redirects (the test host's fetch would), to see a 307 as such. */
export const getWithoutFollowing = async (host: TestHost, path: string, headers: Record<string, string> = tenantA) => {
  const response = await fetch(`${host.baseUrl}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as unknown };
};

/** The fields a 400 names, in order. */
export const fieldsOf = (body: unknown): string[] => (body as { errors: { field: string }[] }).errors.map((e) => e.field);

export const withPosition = (position: number, headers: Record<string, string> = tenantA): Record<string, string> => ({ ...headers, 'x-min-position': String(position) });
