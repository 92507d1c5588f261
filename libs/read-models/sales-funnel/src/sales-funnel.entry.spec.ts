import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import { UnknownFunnelEvent, UnreadableFunnelInstant, cohortMonthOf, evolveFunnelEntry } from './sales-funnel.entry';
import type { FunnelEntry } from './sales-funnel.model';
import { salesFunnelProjection } from './sales-funnel.projection';
import { after, at, dealStream } from './testing/funnel-events';

const deal = dealStream('o1');

/** Given these events were projected, when these arrive, then the deal's entry is… */
const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: FunnelEntry | null) => {
      const before = projectAll(salesFunnelProjection, history);
      expect(projectAll(salesFunnelProjection, events, before).get(deal.streamId) ?? null).toEqual(expected);
    },
  }),
});

const opened = deal.opened();
const qualified = deal.moved('lead', 'qualified', after(3600));
const proposal = deal.moved('qualified', 'proposal', after(3600 + 86400));
const won = deal.won('proposal', { amount: 1200.5, currency: 'USD' }, after(3600 + 86400 + 600));
const reopened = deal.reopened('won', 'negotiation', after(999999));

const entered: FunnelEntry = {
  tenantId: 'tenant-a', opportunityId: 'o1', cohortMonth: '2026-03', ownerId: 'rep-ana', region: 'emea', productLine: 'analytics',
  sourceChannel: 'webinar', stage: 'lead', stageEnteredAt: at, furthestOpenStage: 'lead', amount: { amount: 1000, currency: 'EUR' },
  dwells: [], archived: false, streamRevision: 0, lastPosition: 100,
};

describe('sales funnel entry', () => {
  it('enters an opened deal at lead, in the cohort of its open month', () => {
    given().when(opened).then(entered);
  });

  it('takes the cohort month in UTC, whatever the offset of openedAt', () => {
    expect(cohortMonthOf('2026-03-31T23:30:00-02:00')).toBe('2026-04');
    expect(cohortMonthOf('2026-04-01T00:30:00+02:00')).toBe('2026-03');
    expect(cohortMonthOf('2026-04-01t00:30:00z')).toBe('2026-04');
  });

  it('records the stay in each stage it leaves, and how far the deal got', () => {
    given(opened).when(qualified, proposal).then({
      ...entered, stage: 'proposal', stageEnteredAt: after(3600 + 86400), furthestOpenStage: 'proposal',
      dwells: [{ stage: 'lead', seconds: 3600 }, { stage: 'qualified', seconds: 86400 }], streamRevision: 2, lastPosition: 102,
    });
  });

  it('rounds a stay to whole seconds, and clamps one whose times are out of order at zero', () => {
    const d = dealStream('o1');
    given(d.opened()).when(d.moved('lead', 'qualified', after(1.6)), d.moved('qualified', 'lead', after(-50))).then({
      ...entered, stage: 'lead', stageEnteredAt: after(-50), furthestOpenStage: 'qualified',
      dwells: [{ stage: 'lead', seconds: 2 }, { stage: 'qualified', seconds: 0 }], streamRevision: 2, lastPosition: 102,
    });
  });

  it('keeps the furthest stage when the deal moves back', () => {
    const d = dealStream('o1');
    given(d.opened(), d.moved('lead', 'negotiation', at)).when(d.moved('negotiation', 'qualified', at)).then({
      ...entered, stage: 'qualified', furthestOpenStage: 'negotiation',
      dwells: [{ stage: 'lead', seconds: 0 }, { stage: 'negotiation', seconds: 0 }], streamRevision: 2, lastPosition: 102,
    });
  });

  const wonEntry: FunnelEntry = {
    ...entered, stage: 'won', stageEnteredAt: after(3600 + 86400 + 600), furthestOpenStage: 'negotiation', amount: { amount: 1200.5, currency: 'USD' },
    dwells: [{ stage: 'lead', seconds: 3600 }, { stage: 'qualified', seconds: 86400 }, { stage: 'proposal', seconds: 600 }], streamRevision: 3, lastPosition: 103,
  };

  it('closes as won with the final amount and the stay in the last stage', () => {
    given(opened, qualified, proposal).when(won).then(wonEntry);
  });

  it('reopens a won deal without a stay for the time it was closed', () => {
    given(opened, qualified, proposal, won).when(reopened).then({
      ...wonEntry, stage: 'negotiation', stageEnteredAt: after(999999), furthestOpenStage: 'negotiation', streamRevision: 4, lastPosition: 104,
    });
  });

  it('closes as lost keeping the amount, and reopens a lost deal at an earlier stage', () => {
    const d = dealStream('o1');
    const history = [d.opened(), d.moved('lead', 'proposal', after(10))];
    const lost: FunnelEntry = {
      ...entered, stage: 'lost', stageEnteredAt: after(30), furthestOpenStage: 'proposal',
      dwells: [{ stage: 'lead', seconds: 10 }, { stage: 'proposal', seconds: 20 }], streamRevision: 2, lastPosition: 102,
    };
    const lostEvent = d.lost('proposal', after(30));
    given(...history).when(lostEvent).then(lost);
    given(...history, lostEvent).when(d.reopened('lost', 'lead', after(90))).then({ ...lost, stage: 'lead', stageEnteredAt: after(90), streamRevision: 3, lastPosition: 103 });
  });

  it('applies a revised amount and a new owner', () => {
    const d = dealStream('o1');
    given(d.opened()).when(d.revised({ amount: 1000, currency: 'EUR' }, { amount: 99.99, currency: 'GBP' }), d.reassigned('rep-ana', 'rep-bo')).then({
      ...entered, amount: { amount: 99.99, currency: 'GBP' }, ownerId: 'rep-bo', streamRevision: 2, lastPosition: 102,
    });
  });

  it('only advances the revision on a rescheduled close date or a logged activity', () => {
    const d = dealStream('o1');
    given(d.opened()).when(d.rescheduled(), d.activity()).then({ ...entered, streamRevision: 2, lastPosition: 102 });
  });

  it('keeps no entry for a deal whose open it never saw', () => {
    given().when(qualified, won).then(null);
    expect(evolveFunnelEntry(null, reopened)).toBeNull();
  });

  it('ignores an event it already applied, and an older one arriving late', () => {
    given(opened, qualified, proposal).when(proposal, qualified, opened).then({
      ...entered, stage: 'proposal', stageEnteredAt: after(3600 + 86400), furthestOpenStage: 'proposal',
      dwells: [{ stage: 'lead', seconds: 3600 }, { stage: 'qualified', seconds: 86400 }], streamRevision: 2, lastPosition: 102,
    });
  });

  it('refuses an event type it does not know, so the runtime dead-letters it', () => {
    const unknown: ConsumedEvent = { ...qualified, type: 'crm.opportunities.OpportunityStageChanged.v2' };
    expect(() => projectAll(salesFunnelProjection, [opened, unknown])).toThrow(UnknownFunnelEvent);
  });

  it('refuses an instant it cannot read rather than counting NaN seconds', () => {
    const d = dealStream('o1');
    expect(() => projectAll(salesFunnelProjection, [d.opened(), d.moved('lead', 'qualified', 'not-a-time')])).toThrow(UnreadableFunnelInstant);
  });

  it('leaves events of other streams alone', () => {
    expect(salesFunnelProjection.documentIdOf({ ...opened, streamId: 'customer-1' })).toBeUndefined();
    expect(salesFunnelProjection.documentIdOf(opened)).toBe('opportunity-o1');
  });
});
