import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { ReopenOpportunity } from './opportunity.commands';
import { opportunityDecider } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
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
