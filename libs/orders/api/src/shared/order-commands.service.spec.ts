import { CommandHandler, MemoryEventStore } from '@meridian/platform/eventsourcing';
import { draftOrderFromWonOpportunity, orderStreamId, wonOpportunityOrderId } from '@meridian/orders/domain';
import { OrderCommands } from './order-commands.service';
import { wonOpportunityDraftContext } from './won-opportunity-draft.context';

// The process manager's path: the won-opportunity draft through the real
// command handler on the in-memory store port. The HTTP path is covered end to end.

const opened = { opportunityId: 'opp-7f3c', customerId: 'cust-acme', name: 'ACME analytics rollout', productLine: 'analytics' };
const won = { finalAmount: { amount: 12500.5, currency: 'EUR' }, wonAt: '2026-05-20T15:00:00.000Z' };
const clock = { now: () => new Date('2030-01-01T00:00:00.000Z') };
const source = (eventId: string, tenantId = 'acme') =>
  wonOpportunityDraftContext({ tenantId, eventId, correlationId: 'corr-deal-7f3c', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
const draftFor = (tenantId: string, amount = won.finalAmount) =>
  draftOrderFromWonOpportunity(opened, { ...won, finalAmount: amount }, wonOpportunityOrderId(tenantId, opened.opportunityId));

const setUp = () => {
  const store = new MemoryEventStore();
  return { store, commands: new OrderCommands(new CommandHandler(store), clock) };
};

describe('OrderCommands.draftFromWonOpportunity', () => {
  it("drafts the order with the process manager's metadata and the win's time", async () => {
    const { store, commands } = setUp();
    const result = await commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'));
    const [event] = await store.readStream(orderStreamId(wonOpportunityOrderId('acme', 'opp-7f3c')));
    expect(result).toMatchObject({ revision: 0, replayed: false });
    expect(event).toMatchObject({ type: 'OrderDraftedFromOpportunity', data: { opportunityId: 'opp-7f3c', total: won.finalAmount } });
    expect(event.metadata).toMatchObject({
      tenantId: 'acme', actorId: 'process-manager:won-opportunity', correlationId: 'corr-deal-7f3c', causationId: 'evt-won-1',
      idempotencyKey: 'evt-won-1', occurredAt: won.wonAt,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
  });

  it('answers a redelivered event with the first result and appends nothing', async () => {
    const { store, commands } = setUp();
    const first = await commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'));
    const again = await commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'));
    expect(again).toEqual({ ...first, appended: [], replayed: true });
    expect(await store.headPosition()).toBe(1);
  });

  it('lets two consumers racing on the same event store it once', async () => {
    const { store, commands } = setUp();
    await Promise.all([commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1')), commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'))]);
    expect(await store.headPosition()).toBe(1);
  });

  it('makes no second order when the deal is won again, even for another amount', async () => {
    const { store, commands } = setUp();
    await commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'));
    const reWon = await commands.draftFromWonOpportunity(draftFor('acme', { amount: 9000, currency: 'EUR' }), source('evt-won-2'));
    expect(reWon).toMatchObject({ revision: 0, appended: [], replayed: false });
    expect(await store.headPosition()).toBe(1);
  });

  it("keeps each tenant's draft of the same opportunity id apart", async () => {
    const { store, commands } = setUp();
    await commands.draftFromWonOpportunity(draftFor('acme'), source('evt-won-1'));
    await commands.draftFromWonOpportunity(draftFor('globex'), source('evt-won-9', 'globex'));
    const globex = await store.readStream(orderStreamId(wonOpportunityOrderId('globex', 'opp-7f3c')));
    expect(globex.map((event) => [event.type, event.metadata.tenantId])).toEqual([['OrderDraftedFromOpportunity', 'globex']]);
  });
});
