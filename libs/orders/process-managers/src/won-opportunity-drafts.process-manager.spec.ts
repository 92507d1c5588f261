import { CommandHandler, MemoryEventStore } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import { ReactionRefused, bindProcessManager, createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import { opportunityContracts } from '@meridian/opportunities/contracts';
import { orderDecider, orderStreamId, wonOpportunityOrderId } from '@meridian/orders/domain';
import type { RememberedOpportunity } from './won-opportunity-drafts.process-manager';
import { wonOpportunityDrafts, wonOpportunityDraftsActor } from './won-opportunity-drafts.process-manager';

const tenantId = 'tenant-a';
const opportunityId = 'opp-1';
const wonAt = '2026-04-02T10:00:00.000Z';

const consumed = <T extends OpportunityContractType>(type: T, payload: OpportunityContractPayloads[T], revision: number): ConsumedEvent => ({
  eventId: `evt-${revision}`, type: opportunityContracts[type].ceType, schemaVersion: 1, streamId: `opportunity-${opportunityId}`,
  streamRevision: revision, globalPosition: revision + 1, tenantId, occurredAt: wonAt, correlationId: 'corr-1', causationId: 'cause',
  payload, partition: 0, offset: String(revision),
});

const opened = consumed('OpportunityOpened', {
  opportunityId, customerId: 'cust-acme', name: 'ACME rollout', ownerId: 'rep-ana', amount: { amount: 1000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: wonAt,
}, 0);
const won = (revision: number, amount = 1250.5) =>
  consumed('OpportunityWon', { opportunityId, fromStage: 'negotiation', finalAmount: { amount, currency: 'EUR' }, wonAt }, revision);
const reopened = (revision: number) =>
  consumed('OpportunityReopened', { opportunityId, previousOutcome: 'won', toStage: 'negotiation', reopenedAt: wonAt }, revision);

const setup = () => {
  const store = new MemoryEventStore();
  const binding = bindProcessManager(wonOpportunityDrafts(new CommandHandler(store)), createMemoryReadModelStorage<RememberedOpportunity>());
  const orderEvents = async () => store.readStream(orderStreamId(wonOpportunityOrderId(tenantId, opportunityId)));
  const deliver = (event: ConsumedEvent) => binding.apply(event, { id: 'crm.opportunities#0', sequence: event.streamRevision });
  return { store, deliver, orderEvents };
};

describe('won opportunity → order draft', () => {
  it('drafts one order for the customer of the opportunity: one line, the product line, quantity 1, the final amount', async () => {
    const { deliver, orderEvents } = setup();
    await deliver(opened);
    expect(await deliver(won(1))).toBe('applied');
    const [draft, ...rest] = await orderEvents();
    expect(rest).toEqual([]);
    expect(draft.type).toBe('OrderDraftedFromOpportunity');
    expect(draft.data).toMatchObject({
      orderId: wonOpportunityOrderId(tenantId, opportunityId), customerId: 'cust-acme', opportunityId, currency: 'EUR',
      lines: [{ productId: 'analytics', description: 'ACME rollout', quantity: 1, unitPrice: { amount: 1250.5, currency: 'EUR' } }],
      draftedAt: wonAt,
    });
    expect(draft.metadata).toMatchObject({ tenantId, actorId: wonOpportunityDraftsActor, correlationId: 'corr-1', causationId: 'evt-1' });
  });

  it('drafts one order when two consumers race on the same won event', async () => {
    const { deliver, orderEvents } = setup();
    await deliver(opened);
    await Promise.all([deliver(won(1)), deliver(won(1))]);
    expect(await orderEvents()).toHaveLength(1);
  });

  it('leaves an order someone already placed for the deal as it is', async () => {
    const { store, deliver, orderEvents } = setup();
    const orderId = wonOpportunityOrderId(tenantId, opportunityId);
    await new CommandHandler(store).handle({
      decider: orderDecider, streamId: orderStreamId(orderId),
      command: { type: 'PlaceOrder', data: { orderId, customerId: 'cust-acme', currency: 'EUR', opportunityId, placedAt: wonAt,
        lines: [{ lineId: 'l1', productId: 'analytics', description: 'By hand', quantity: 2, unitPrice: { amount: 700, currency: 'EUR' } }] } },
      context: { tenantId, actorId: 'rep', correlationId: 'c', causationId: 'c' }, occurredAt: wonAt,
    });
    await deliver(opened);
    await deliver(won(1));
    expect((await orderEvents()).map((event) => event.type)).toEqual(['OrderPlaced']);
  });

  it('drafts nothing more when the same won event comes twice', async () => {
    const { deliver, orderEvents } = setup();
    await deliver(opened);
    await deliver(won(1));
    await deliver(won(1));
    expect(await orderEvents()).toHaveLength(1);
  });

  it('keeps the first order when the deal is reopened and won again', async () => {
    const { deliver, orderEvents } = setup();
    await deliver(opened);
    await deliver(won(1));
    await deliver(reopened(2));
    await deliver(won(3, 2000));
    const events = await orderEvents();
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ lines: [{ unitPrice: { amount: 1250.5 } }] });
  });

  it('ignores every other opportunity event', async () => {
    const { deliver, store } = setup();
    expect(await deliver(opened)).toBe('applied');
    expect(await deliver(reopened(1))).toBe('applied');
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
  });

  it('refuses (dead-letters) a win whose open it never saw, rather than drafting an order for nobody', async () => {
    const { deliver, orderEvents } = setup();
    await expect(deliver(won(1))).rejects.toBeInstanceOf(ReactionRefused);
    expect(await orderEvents()).toEqual([]);
  });
});
