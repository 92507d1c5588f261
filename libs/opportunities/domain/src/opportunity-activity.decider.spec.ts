import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { LogOpportunityActivity } from './opportunity.commands';
import { decide, opportunityDecider } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
import { initialOpportunityState } from './opportunity.state';
import { activityLogged, lost, movedUpTo, opened, opportunityId, won } from './testing/opportunity.fixtures';
import { evolve } from './opportunity.evolve';

const spec = DeciderSpecification.for(opportunityDecider);

const logActivity = (overrides: Partial<LogOpportunityActivity['data']> = {}): LogOpportunityActivity => ({
  type: 'LogOpportunityActivity',
  data: {
    opportunityId,
    activityId: 'act-42',
    kind: 'meeting',
    occurredAt: '2026-03-05T10:00:00.000Z',
    subject: 'Pricing workshop',
    loggedAt: '2026-03-05T12:00:00.000Z',
    ...overrides,
  },
});

describe('LogOpportunityActivity', () => {
  it('logs an activity with its notes and follow-up date', () => {
    const command = logActivity({ notes: 'Wants a 3-year term', nextFollowUpOn: '2026-03-12' });
    spec.given([opened]).when(command).then([{ type: 'ActivityLogged', data: command.data }]);
  });

  it('leaves out optional fields that were not given, rather than carrying undefined', () => {
    const [event] = decide(logActivity({ notes: undefined, nextFollowUpOn: undefined }), evolve(initialOpportunityState, opened));
    expect(Object.keys(event.data).sort()).toEqual(['activityId', 'kind', 'loggedAt', 'occurredAt', 'opportunityId', 'subject']);
  });

  it.each([
    ['won', won('negotiation')],
    ['lost', lost('negotiation')],
  ] as const)('logs activities on a %s deal too', (_outcome, closing) => {
    const command = logActivity({ subject: 'Post-sale check-in' });
    spec.given([opened, ...movedUpTo('negotiation'), closing]).when(command).then([{ type: 'ActivityLogged', data: command.data }]);
  });

  it('appends nothing when the activity id was already logged, even with other content', () => {
    spec.given([opened, activityLogged('act-42')]).when(logActivity()).thenNothingHappens();
    spec.given([opened, activityLogged('act-42')]).when(logActivity({ subject: 'Edited subject' })).thenNothingHappens();
  });

  it('does not re-judge a retried activity against the follow-up rule: the first record stands', () => {
    const retry = logActivity({ nextFollowUpOn: '2026-01-01' });
    spec.given([opened, activityLogged('act-42')]).when(retry).thenNothingHappens();
  });

  it('logs an activity whose id differs from every logged one', () => {
    const command = logActivity({ activityId: 'act-43' });
    spec.given([opened, activityLogged('act-41'), activityLogged('act-42')]).when(command).then([{ type: 'ActivityLogged', data: command.data }]);
  });

  it('refuses a follow-up due before the day the activity happened', () => {
    spec.given([opened]).when(logActivity({ nextFollowUpOn: '2026-03-04' })).thenRejects(Codes.followUpBeforeActivity);
  });

  it('allows a follow-up on the same day as the activity', () => {
    const command = logActivity({ nextFollowUpOn: '2026-03-05' });
    spec.given([opened]).when(command).then([{ type: 'ActivityLogged', data: command.data }]);
  });

  it("judges the activity's day in the offset the client sent, not in UTC", () => {
    // 22:30 in New York is already the next day in UTC; the rep's "same day" must still be allowed.
    const evening = logActivity({ occurredAt: '2026-03-05T22:30:00-05:00', nextFollowUpOn: '2026-03-05' });
    spec.given([opened]).when(evening).then([{ type: 'ActivityLogged', data: evening.data }]);
    // 01:00 in Athens is still the previous day in UTC; a follow-up on that UTC day is before the activity.
    const earlyMorning = logActivity({ occurredAt: '2026-03-06T01:00:00+02:00', nextFollowUpOn: '2026-03-05' });
    spec.given([opened]).when(earlyMorning).thenRejects(Codes.followUpBeforeActivity);
  });
});
