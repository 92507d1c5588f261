import type { HttpResponse } from '@meridian/platform/testing';
import { send } from '@meridian/platform/testing';

export type DealTerms = Readonly<{ customerId?: string; ownerId: string; region: string; productLine: string; sourceChannel: string; amount: number; currency?: string; expectedCloseDate?: string }>;

export type Sent = Readonly<{ opportunityId: string; position: number }>;

/** Commands over real HTTP, as an internal app would send them; anything but 2xx fails the test with the problem body. */
export const dealCommands = (baseUrl: string, tenantId: string) => {
  const headers = { 'x-tenant-id': tenantId, 'x-user-id': 'e2e' };
  const accepted = (response: HttpResponse, what: string): Sent => {
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${response.text}`);
    const body = response.body as { opportunityId: string; position: number };
    return { opportunityId: body.opportunityId, position: body.position };
  };
  const command = async (id: string, name: string, body: unknown) =>
    accepted(await send(baseUrl, 'POST', `/api/v1/opportunities/${id}/${name}`, { headers, body }), `${name} ${id}`);
  return {
    open: async (terms: DealTerms, name = 'Deal') =>
      accepted(
        await send(baseUrl, 'POST', '/api/v1/opportunities', {
          headers,
          body: {
            customerId: terms.customerId ?? 'cus-1', name, ownerId: terms.ownerId, amount: { amount: terms.amount, currency: terms.currency ?? 'EUR' },
            expectedCloseDate: terms.expectedCloseDate ?? '2027-03-31', sourceChannel: terms.sourceChannel, productLine: terms.productLine, region: terms.region,
          },
        }),
        `open ${name}`,
      ),
    moveTo: (id: string, toStage: string) => command(id, 'change-stage', { toStage }),
    win: (id: string, amount: number, currency = 'EUR') => command(id, 'change-stage', { toStage: 'won', finalAmount: { amount, currency } }),
    lose: (id: string) => command(id, 'change-stage', { toStage: 'lost', lostReason: 'no budget' }),
    revise: (id: string, amount: number, currency = 'EUR') => command(id, 'revise-amount', { amount: { amount, currency } }),
    reassign: (id: string, newOwnerId: string) => command(id, 'reassign-owner', { newOwnerId }),
    get: (path: string, extraHeaders: Record<string, string> = {}) => send(baseUrl, 'GET', path, { headers: { ...headers, ...extraHeaders } }),
  };
};

export type DealCommands = ReturnType<typeof dealCommands>;
