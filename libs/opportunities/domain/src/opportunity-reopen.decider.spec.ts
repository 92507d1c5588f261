import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { ReopenOpportunity, ReviseOpportunityAmount } from './opportunity.commands';
import type { OpportunityReopened } from './opportunity.events';
import { opportunityDecider } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
import type { Money } from './opportunity.values';
import { lost, movedUpTo, opened, opportunityId, stageChanged, won } from './testing/opportunity.fixtures';

const spec = DeciderSpecification.for(opportunityDecider);
const reopenedAt = '2026-06-02T09:00:00.000Z';
const reopen = (data: Partial<ReopenOpportunity['data']> = {}): ReopenOpportunity => ({
  type: 'ReopenOpportunity',
  data: { opportunityId, reopenedAt, ...data },
});

describe('ReopenOpportunity', () => {
  it('reopens a won deal at the stage it was won from by default', () => {
    spec.given([opened, ...movedUpTo('negotiation'), won('negotiation')]).when(reopen()).then([
      { type: 'OpportunityReopened', data: { opportunityId, previousOutcome: 'won', toStage: 'negotiation', reopenedAt } },
    ]);
  });

  it('reopens a lost deal at the stage it was lost from by default, even when that was a skip', () => {
    spec.given([opened, stageChanged('lead', 'proposal'), lost('proposal')]).when(reopen()).then([
      { type: 'OpportunityReopened', data: { opportunityId, previousOutcome: 'lost', toStage: 'proposal', reopenedAt } },
    ]);
  });

  it('reopens at the requested stage, keeping a trimmed reason', () => {
    spec.given([opened, ...movedUpTo('negotiation'), lost('negotiation')])
      .when(reopen({ toStage: 'qualified', reason: ' New budget approved ' }))
      .then([
        {
          type: 'OpportunityReopened',
          data: { opportunityId, previousOutcome: 'lost', toStage: 'qualified', reason: 'New budget approved', reopenedAt },
        },
      ]);
  });

  it('drops a blank reason instead of publishing it', () => {
    spec.given([opened, won('lead')]).when(reopen({ reason: '   ' })).then([
      { type: 'OpportunityReopened', data: { opportunityId, previousOutcome: 'won', toStage: 'lead', reopenedAt } },
    ]);
  });

  it.each(['lead', 'qualified', 'proposal', 'negotiation'] as const)('refuses to reopen a deal that is open at %s', (stage) => {
    spec.given([opened, ...movedUpTo(stage)]).when(reopen()).thenRejects(Codes.notClosed);
  });

  it('refuses to reopen a deal twice', () => {
    const reopened = {
      type: 'OpportunityReopened',
      data: { opportunityId, previousOutcome: 'won', toStage: 'lead', reopenedAt },
    } as const;
    spec.given([opened, won('lead'), reopened]).when(reopen()).thenRejects(Codes.notClosed);
  });

  it('lets a reopened deal be closed and reopened again, from its latest close', () => {
    const reopened = {
      type: 'OpportunityReopened',
      data: { opportunityId, previousOutcome: 'won', toStage: 'qualified', reopenedAt },
    } as const;
    spec.given([opened, won('lead'), reopened, stageChanged('qualified', 'proposal'), lost('proposal')]).when(reopen()).then([
      { type: 'OpportunityReopened', data: { opportunityId, previousOutcome: 'lost', toStage: 'proposal', reopenedAt } },
    ]);
  });
});

// Found by a fuzzer: the stream kept the opening amount while every read model showed the final one,
// so a revise back to the opening amount was refused as unchanged and the user could not repair it.
describe('the amount of a deal reopened after a win with a final amount', () => {
  const revisedAt = '2026-06-03T09:00:00.000Z';
  const eur = (amount: number): Money => ({ amount, currency: 'EUR' });
  const wonBelowOpening = [
    { ...opened, data: { ...opened.data, amount: eur(1000) } },
    won('lead', eur(900)),
    { type: 'OpportunityReopened', data: { opportunityId, previousOutcome: 'won', toStage: 'lead', reopenedAt } } satisfies OpportunityReopened,
  ];
  const revise = (amount: Money): ReviseOpportunityAmount => ({ type: 'ReviseOpportunityAmount', data: { opportunityId, amount, revisedAt } });

  it('is the settled final amount, so revising back to the opening amount is a revision from it', () => {
    spec.given(wonBelowOpening).when(revise(eur(1000))).then([
      { type: 'OpportunityAmountRevised', data: { opportunityId, previousAmount: eur(900), amount: eur(1000), revisedAt } },
    ]);
  });

  it('refuses a revise to the final amount as unchanged', () => {
    spec.given(wonBelowOpening).when(revise(eur(900))).thenRejects(Codes.amountUnchanged);
  });
});
