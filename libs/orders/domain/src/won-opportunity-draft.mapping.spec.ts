import type { OpportunityOpenedV1, OpportunityWonV1 } from '@meridian/opportunities/contracts';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import { orderDecider } from './order.decider';
import { OrderRuleCodes as Codes } from './order.rules';
import type { OpenedOpportunityFacts, WonOpportunityFacts } from './won-opportunity-draft.mapping';
import { draftOrderFromWonOpportunity, wonOpportunityOrderId } from './won-opportunity-draft.mapping';

// Compile-time: the process manager can hand over the public payloads of crm.opportunities as they are.
type Fits<A, B> = [A] extends [B] ? true : false;
const contractsFit: [Fits<OpportunityOpenedV1, OpenedOpportunityFacts>, Fits<OpportunityWonV1, WonOpportunityFacts>] = [true, true];

const spec = DeciderSpecification.for(orderDecider);
const opened = { opportunityId: 'opp-7f3c', customerId: 'cust-acme', name: 'ACME analytics rollout', productLine: 'analytics' };
const won = { finalAmount: { amount: 44000.1, currency: 'USD' }, wonAt: '2026-05-20T15:00:00.000Z' };

describe('wonOpportunityOrderId', () => {
  it('takes the crm.opportunities v1 payloads as they are (checked by tsc)', () => {
    expect(contractsFit).toEqual([true, true]);
  });

  it('is a UUID that depends only on the tenant and the opportunity', () => {
    const id = wonOpportunityOrderId('acme', 'opp-7f3c');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(wonOpportunityOrderId('acme', 'opp-7f3c')).toBe(id);
    expect(wonOpportunityOrderId('globex', 'opp-7f3c')).not.toBe(id);
    expect(wonOpportunityOrderId('acme', 'opp-7f3d')).not.toBe(id);
  });
});

describe('draftOrderFromWonOpportunity', () => {
  const orderId = wonOpportunityOrderId('acme', opened.opportunityId);

  it('drafts one line: product = product line, quantity 1, unit price = final amount, at the time of the win', () => {
    expect(draftOrderFromWonOpportunity(opened, won, orderId)).toEqual({
      type: 'DraftOrderFromOpportunity',
      data: {
        orderId,
        customerId: 'cust-acme',
        opportunityId: 'opp-7f3c',
        currency: 'USD',
        lines: [{ lineId: 'line-1', productId: 'analytics', description: 'ACME analytics rollout', quantity: 1, unitPrice: won.finalAmount }],
        draftedAt: won.wonAt,
      },
    });
  });

  it('builds the identical command on every delivery', () => {
    expect(draftOrderFromWonOpportunity(opened, won, orderId)).toEqual(draftOrderFromWonOpportunity({ ...opened }, { ...won }, orderId));
  });

  it('copies nothing beyond the facts it needs', () => {
    const command = draftOrderFromWonOpportunity({ ...opened, ownerId: 'rep-ana' } as typeof opened, { ...won, fromStage: 'negotiation' } as typeof won, orderId);
    expect(JSON.stringify(command)).not.toMatch(/rep-ana|negotiation/);
  });

  it('makes one order however often the win is delivered, and a re-win changes nothing', () => {
    const command = draftOrderFromWonOpportunity(opened, won, orderId);
    const [draftedEvent] = orderDecider.decide(command, orderDecider.initialState);
    expect(draftedEvent).toMatchObject({ type: 'OrderDraftedFromOpportunity', data: { total: won.finalAmount } });
    spec.given([draftedEvent]).when(command).thenNothingHappens();
    const reWon = draftOrderFromWonOpportunity(opened, { finalAmount: { amount: 50000, currency: 'USD' }, wonAt: '2026-06-01T10:00:00.000Z' }, orderId);
    spec.given([draftedEvent]).when(reWon).thenNothingHappens();
  });

  it('leaves a deal won for nothing to the order rules: no zero-total order is drafted', () => {
    const free = draftOrderFromWonOpportunity(opened, { ...won, finalAmount: { amount: 0, currency: 'USD' } }, orderId);
    spec.given([]).when(free).thenRejects(Codes.totalNotPositive);
  });
});
