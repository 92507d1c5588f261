import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import { opportunityDecider } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
import type { Money } from './opportunity.values';
import { lost, movedUpTo, opened, opportunityId, won } from './testing/opportunity.fixtures';

const spec = DeciderSpecification.for(opportunityDecider);
const at = '2026-04-02T11:00:00.000Z';
const closings = [
  ['won', won('negotiation')],
  ['lost', lost('qualified')],
] as const;

const revise = (amount: Money) => ({ type: 'ReviseOpportunityAmount', data: { opportunityId, amount, revisedAt: at } }) as const;
const reschedule = (expectedCloseDate: string) =>
  ({ type: 'RescheduleOpportunityClose', data: { opportunityId, expectedCloseDate, rescheduledAt: at } }) as const;
const reassign = (newOwnerId: string) => ({ type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId, reassignedAt: at } }) as const;

describe('ReviseOpportunityAmount', () => {
  it('records the new amount next to the previous one', () => {
    spec.given([opened]).when(revise({ amount: 14000, currency: 'EUR' })).then([
      {
        type: 'OpportunityAmountRevised',
        data: { opportunityId, previousAmount: { amount: 12500.5, currency: 'EUR' }, amount: { amount: 14000, currency: 'EUR' }, revisedAt: at },
      },
    ]);
  });

  it('treats a currency change with the same figure as a revision', () => {
    spec.given([opened]).when(revise({ amount: 12500.5, currency: 'USD' })).then([
      {
        type: 'OpportunityAmountRevised',
        data: { opportunityId, previousAmount: { amount: 12500.5, currency: 'EUR' }, amount: { amount: 12500.5, currency: 'USD' }, revisedAt: at },
      },
    ]);
  });

  it('compares against the latest revision, not the opening amount', () => {
    const revised = {
      type: 'OpportunityAmountRevised',
      data: { opportunityId, previousAmount: { amount: 12500.5, currency: 'EUR' }, amount: { amount: 9000, currency: 'EUR' }, revisedAt: at },
    } as const;
    spec.given([opened, revised]).when(revise({ amount: 9000, currency: 'EUR' })).thenRejects(Codes.amountUnchanged);
    spec.given([opened, revised]).when(revise({ amount: 12500.5, currency: 'EUR' })).then([
      {
        type: 'OpportunityAmountRevised',
        data: { opportunityId, previousAmount: { amount: 9000, currency: 'EUR' }, amount: { amount: 12500.5, currency: 'EUR' }, revisedAt: at },
      },
    ]);
  });

  it('refuses the amount the deal already has', () => {
    spec.given([opened]).when(revise({ amount: 12500.5, currency: 'EUR' })).thenRejects(Codes.amountUnchanged);
  });

  it.each([-5, 12.345, Number.NaN, 1_000_000_000, 651798936107.08])('refuses an amount of %p', (amount) => {
    spec.given([opened]).when(revise({ amount, currency: 'EUR' })).thenRejects(Codes.invalidAmount);
  });

  it('refuses a currency that is not a three-letter code', () => {
    spec.given([opened]).when(revise({ amount: 100, currency: 'Euro' })).thenRejects(Codes.invalidAmount);
  });

  it.each(closings)('refuses to revise a %s deal', (_outcome, closing) => {
    spec.given([opened, ...movedUpTo('negotiation'), closing]).when(revise({ amount: 1, currency: 'EUR' })).thenRejects(Codes.closed);
  });
});

describe('RescheduleOpportunityClose', () => {
  it('records the new close date next to the previous one', () => {
    spec.given([opened, ...movedUpTo('proposal')]).when(reschedule('2026-08-15')).then([
      {
        type: 'OpportunityCloseDateRescheduled',
        data: { opportunityId, previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-08-15', rescheduledAt: at },
      },
    ]);
  });

  it('refuses the close date the deal already has', () => {
    spec.given([opened]).when(reschedule('2026-06-30')).thenRejects(Codes.closeDateUnchanged);
  });

  it.each(closings)('refuses to reschedule a %s deal', (_outcome, closing) => {
    spec.given([opened, ...movedUpTo('negotiation'), closing]).when(reschedule('2026-09-01')).thenRejects(Codes.closed);
  });
});

describe('ReassignOpportunityOwner', () => {
  it('moves an open deal to another rep', () => {
    spec.given([opened]).when(reassign('rep-bo')).then([
      { type: 'OpportunityOwnerReassigned', data: { opportunityId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at } },
    ]);
  });

  it.each(closings)('still moves a %s deal: credit can move after the close', (_outcome, closing) => {
    spec.given([opened, ...movedUpTo('negotiation'), closing]).when(reassign('rep-bo')).then([
      { type: 'OpportunityOwnerReassigned', data: { opportunityId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at } },
    ]);
  });

  it('refuses to reassign to the current owner, including after an earlier reassignment', () => {
    spec.given([opened]).when(reassign('rep-ana')).thenRejects(Codes.ownerUnchanged);
    const reassigned = {
      type: 'OpportunityOwnerReassigned',
      data: { opportunityId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at },
    } as const;
    spec.given([opened, reassigned]).when(reassign('rep-bo')).thenRejects(Codes.ownerUnchanged);
  });
});
