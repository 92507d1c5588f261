import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { OpportunityCommand } from './opportunity.commands';
import { decide, opportunityDecider, opportunityStreamId } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
import { initialOpportunityState } from './opportunity.state';
import type { OpenStage } from './opportunity.values';
import { lost, movedUpTo, openOpportunity, opened, opportunityId, stageChanged, streamId, won } from './testing/opportunity.fixtures';

const spec = DeciderSpecification.for(opportunityDecider);
const at = '2026-04-01T08:00:00.000Z';
const changeStage = (data: Omit<Extract<OpportunityCommand, { type: 'ChangeOpportunityStage' }>['data'], 'opportunityId' | 'changedAt'>) =>
  ({ type: 'ChangeOpportunityStage', data: { opportunityId, changedAt: at, ...data } }) as const;

const thrownBy = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the action to throw');
};

describe('opportunity stream id', () => {
  it('is opportunity-<id>', () => {
    expect(opportunityStreamId(opportunityId)).toBe(streamId);
  });
});

describe('OpenOpportunity', () => {
  it('opens the deal at the lead stage', () => {
    spec.given([]).when(openOpportunity).then([opened]);
  });

  it('copies only the agreed fields into the event', () => {
    const withExtra = { ...openOpportunity, data: { ...openOpportunity.data, internalNote: 'not public' } };
    spec.given([]).when(withExtra).then([opened]);
  });

  it('refuses to open an opportunity twice', () => {
    spec.given([opened]).when(openOpportunity).thenRejects(Codes.alreadyExists);
  });

  it.each([-0.01, 10.001, Number.NaN, Number.POSITIVE_INFINITY])('refuses an opening amount of %p', (amount) => {
    const command = { ...openOpportunity, data: { ...openOpportunity.data, amount: { amount, currency: 'EUR' } } };
    spec.given([]).when(command).thenRejects(Codes.invalidAmount);
  });

  it.each(['eur', 'EURO', 'E1', ''])('refuses an opening amount in currency %p, whose shape the public contract promises', (currency) => {
    const command = { ...openOpportunity, data: { ...openOpportunity.data, amount: { amount: 10, currency } } };
    spec.given([]).when(command).thenRejects(Codes.invalidAmount);
  });

  it('copies money as exactly amount and currency', () => {
    const amount = { ...openOpportunity.data.amount, exchangeRate: 1.08 };
    const [event] = decide({ ...openOpportunity, data: { ...openOpportunity.data, amount } }, initialOpportunityState);
    expect(event.data).toHaveProperty('amount', { amount: 12500.5, currency: 'EUR' });
    expect(Object.keys((event.data as { amount: object }).amount)).toEqual(['amount', 'currency']);
  });

  it.each([0, 0.29, 19.99, 999999999.99])('accepts an opening amount of %p', (amount) => {
    const command = { ...openOpportunity, data: { ...openOpportunity.data, amount: { amount, currency: 'EUR' } } };
    expect(decide(command, initialOpportunityState)).toHaveLength(1);
  });
});

describe('any command on a missing opportunity', () => {
  const commands: OpportunityCommand[] = [
    changeStage({ toStage: 'qualified' }),
    { type: 'ReviseOpportunityAmount', data: { opportunityId, amount: { amount: 1, currency: 'EUR' }, revisedAt: at } },
    { type: 'RescheduleOpportunityClose', data: { opportunityId, expectedCloseDate: '2026-07-01', rescheduledAt: at } },
    { type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId: 'rep-bo', reassignedAt: at } },
    {
      type: 'LogOpportunityActivity',
      data: { opportunityId, activityId: 'act-1', kind: 'note', occurredAt: at, subject: 'x', loggedAt: at },
    },
    { type: 'ReopenOpportunity', data: { opportunityId, reopenedAt: at } },
  ];

  it.each(commands.map((command) => [command.type, command] as const))('%s is refused as not found', (_type, command) => {
    spec.given([]).when(command).thenRejects('not-found');
    const error = thrownBy(() => decide(command, initialOpportunityState));
    expect(error).toBeInstanceOf(AggregateNotFound);
    expect((error as AggregateNotFound).streamId).toBe(streamId);
  });
});

describe('ChangeOpportunityStage between open stages', () => {
  it('moves forward one stage', () => {
    spec.given([opened]).when(changeStage({ toStage: 'qualified' })).then([
      { type: 'OpportunityStageChanged', data: { opportunityId, fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: at } },
    ]);
  });

  it('may skip stages going forward', () => {
    spec.given([opened]).when(changeStage({ toStage: 'negotiation' })).then([
      { type: 'OpportunityStageChanged', data: { opportunityId, fromStage: 'lead', toStage: 'negotiation', direction: 'forward', changedAt: at } },
    ]);
  });

  it('records a move back as a backward regression', () => {
    spec.given([opened, ...movedUpTo('proposal')]).when(changeStage({ toStage: 'qualified' })).then([
      { type: 'OpportunityStageChanged', data: { opportunityId, fromStage: 'proposal', toStage: 'qualified', direction: 'backward', changedAt: at } },
    ]);
  });

  it('refuses a move to the stage the deal is already in', () => {
    spec.given([opened, ...movedUpTo('proposal')]).when(changeStage({ toStage: 'proposal' })).thenRejects(Codes.stageUnchanged);
  });

  it('refuses a final amount unless the deal is won', () => {
    spec.given([opened]).when(changeStage({ toStage: 'qualified', finalAmount: { amount: 5, currency: 'EUR' } }))
      .thenRejects(Codes.finalAmountOnlyWhenWon);
    spec.given([opened]).when(changeStage({ toStage: 'lost', lostReason: 'budget', finalAmount: { amount: 5, currency: 'EUR' } }))
      .thenRejects(Codes.finalAmountOnlyWhenWon);
  });
});

describe('ChangeOpportunityStage to won or lost', () => {
  it.each<OpenStage>(['lead', 'qualified', 'proposal', 'negotiation'])('wins from %s with only OpportunityWon, at the current amount', (from) => {
    spec.given([opened, ...movedUpTo(from)]).when(changeStage({ toStage: 'won' })).then([
      { type: 'OpportunityWon', data: { opportunityId, fromStage: from, finalAmount: { amount: 12500.5, currency: 'EUR' }, wonAt: at } },
    ]);
  });

  it('wins at the final amount when one is given', () => {
    const finalAmount = { amount: 11000, currency: 'EUR' };
    spec.given([opened, ...movedUpTo('negotiation')]).when(changeStage({ toStage: 'won', finalAmount })).then([
      { type: 'OpportunityWon', data: { opportunityId, fromStage: 'negotiation', finalAmount, wonAt: at } },
    ]);
  });

  it('refuses an invalid final amount', () => {
    spec.given([opened]).when(changeStage({ toStage: 'won', finalAmount: { amount: -1, currency: 'EUR' } })).thenRejects(Codes.invalidAmount);
    spec.given([opened]).when(changeStage({ toStage: 'won', finalAmount: { amount: 0.123, currency: 'EUR' } })).thenRejects(Codes.invalidAmount);
    spec.given([opened]).when(changeStage({ toStage: 'won', finalAmount: { amount: 1, currency: 'usd' } })).thenRejects(Codes.invalidAmount);
  });

  it.each<OpenStage>(['lead', 'qualified', 'proposal', 'negotiation'])('loses from %s with only OpportunityLost, reason trimmed', (from) => {
    spec.given([opened, ...movedUpTo(from)]).when(changeStage({ toStage: 'lost', lostReason: '  No budget this year ' })).then([
      { type: 'OpportunityLost', data: { opportunityId, fromStage: from, reason: 'No budget this year', lostAt: at } },
    ]);
  });

  it.each([undefined, '', '   \n\t'])('refuses to lose a deal with reason %j', (lostReason) => {
    spec.given([opened]).when(changeStage({ toStage: 'lost', lostReason })).thenRejects(Codes.lostReasonRequired);
  });

  it.each([
    ['won', won('negotiation')],
    ['lost', lost('proposal')],
  ] as const)('refuses any stage change once %s', (_outcome, closing) => {
    const history = [opened, ...movedUpTo('negotiation'), closing];
    for (const toStage of ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const) {
      spec.given(history).when(changeStage({ toStage, lostReason: 'again' })).thenRejects(Codes.closed);
    }
  });

  it('treats a reopened deal as open again', () => {
    const reopened = {
      type: 'OpportunityReopened',
      data: { opportunityId, previousOutcome: 'lost', toStage: 'proposal', reopenedAt: '2026-05-22T09:00:00.000Z' },
    } as const;
    spec.given([opened, stageChanged('lead', 'proposal'), lost('proposal'), reopened]).when(changeStage({ toStage: 'won' })).then([
      { type: 'OpportunityWon', data: { opportunityId, fromStage: 'proposal', finalAmount: { amount: 12500.5, currency: 'EUR' }, wonAt: at } },
    ]);
  });
});
