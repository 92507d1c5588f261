import fc from 'fast-check';
import type { OpportunityCommand } from '@meridian/opportunities/domain';
import { OpportunityRuleCodes, isOpenStage, opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';
import type { Deal } from './testing/deal-expectations';
import {
  expectedActivitySummaryOf,
  expectedFunnelEntryOf,
  expectedFunnelOf,
  expectedListItemOf,
  expectedOpenDealsOf,
  isArchived,
  presentDeal,
} from './testing/deal-expectations';
import type { DealScript } from './testing/deal-intents';
import { commandsOf, customers, dealScripts, owners } from './testing/deal-intents';
import { consumedStream, playAccepted } from './testing/opportunity-history';
import type { OpportunityListQuery } from '@meridian/read-models/opportunity-list';
import type { OpportunityReadModels } from './testing/opportunity-read-models';
import { createOpportunityReadModels } from './testing/opportunity-read-models';

const tenantId = 'tenant-a';

/** A deal as its aggregate ended, with how many of its commands were refused (a 409 to the user). */
type PlayedDeal = Readonly<{ deal: Deal; streamRevision: number; refused: number }>;

/** Plays each script through the aggregate and feeds the events it appended to every read model, deal after deal. */
const playAndProject = async (scripts: readonly DealScript[], readModels: OpportunityReadModels): Promise<PlayedDeal[]> => {
  const played: PlayedDeal[] = [];
  let position = 1;
  for (const script of scripts) {
    const { state, events, refused } = playAccepted(commandsOf(script));
    await readModels.project(consumedStream(script.opportunityId, events, position, tenantId));
    position += events.length;
    played.push({ deal: presentDeal(state), streamRevision: events.length - 1, refused });
  }
  return played;
};

const reportFigures = async (readModels: OpportunityReadModels, ownerId?: string) => {
  const report = await readModels.funnelReport({ tenantId, ...(ownerId === undefined ? {} : { split: { dimension: 'owner', value: ownerId } }) });
  return {
    opportunities: report.opportunities,
    stages: report.stages.map(({ stage, count, amounts }) => ({ stage, count, amounts })),
    won: report.won,
    lost: report.lost,
  };
};

const expectEveryReadModelToAgree = async (readModels: OpportunityReadModels, played: readonly PlayedDeal[]): Promise<void> => {
  for (const { deal, streamRevision } of played) {
    const streamId = opportunityStreamId(deal.opportunityId);
    expect(await readModels.listItem(streamId)).toMatchObject(expectedListItemOf(deal, streamRevision));
    expect(await readModels.funnelEntry(streamId)).toMatchObject(expectedFunnelEntryOf(deal, streamRevision));
    const activity = await readModels.activity(streamId);
    expect(activity?.customerId).toBe(deal.customerId);
    expect(activity?.summary).toEqual(expectedActivitySummaryOf(deal));
  }
  const deals = played.map(({ deal }) => deal);
  expect(await reportFigures(readModels)).toEqual(expectedFunnelOf(deals));
  for (const ownerId of owners) {
    expect(await reportFigures(readModels, ownerId)).toEqual(expectedFunnelOf(deals.filter((deal) => deal.ownerId === ownerId)));
  }
  const idsOf = (chosen: readonly Deal[]) => chosen.map((deal) => deal.opportunityId).sort();
  const listed = async (query: Omit<OpportunityListQuery, 'tenantId'>) => [...(await readModels.listedIds({ tenantId, ...query }))].sort();
  expect(await listed({})).toEqual(idsOf(deals.filter((deal) => !isArchived(deal))));
  expect(await listed({ archived: 'only' })).toEqual(idsOf(deals.filter(isArchived)));
  expect(await listed({ archived: 'include' })).toEqual(idsOf(deals));
  for (const customerId of customers) {
    expect(await listed({ customerId, archived: 'include' })).toEqual(idsOf(deals.filter((deal) => deal.customerId === customerId)));
    const listed360 = await readModels.openOpportunitiesOf(tenantId, customerId);
    expect([...listed360].sort((a, b) => (a.opportunityId < b.opportunityId ? -1 : 1))).toEqual(expectedOpenDealsOf(deals, customerId));
  }
};

/** The user's repair: revising an open deal to the amount the list shows is "unchanged", to any other amount it is a revision. */
const expectRevisesJudgedAgainstTheListedAmount = async (readModels: OpportunityReadModels, played: readonly PlayedDeal[]): Promise<void> => {
  for (const { deal } of played.filter(({ deal: d }) => isOpenStage(d.stage) && !isArchived(d))) {
    const listed = await readModels.listItem(opportunityStreamId(deal.opportunityId));
    if (listed === null) throw new Error(`${deal.opportunityId} is not listed`);
    const revise = (amount: number): OpportunityCommand => ({
      type: 'ReviseOpportunityAmount',
      data: { opportunityId: deal.opportunityId, amount: { amount, currency: listed.currency }, revisedAt: '2027-01-01T00:00:00.000Z' },
    });
    expect(() => opportunityDecider.decide(revise(listed.amount), deal)).toThrow(expect.objectContaining({ code: OpportunityRuleCodes.amountUnchanged }));
    expect(opportunityDecider.decide(revise(listed.amount === 1 ? 2 : 1), deal)).toHaveLength(1);
  }
};

describe('opportunity read models agree with the stream', () => {
  // Issue 15, as the fuzzer found it: the stream kept 1000 while every read model showed 900.
  it('shows a deal reopened after a win at its final amount, and lets the user revise it back to the opening amount', async () => {
    const script: DealScript = {
      opportunityId: 'deal-1',
      opening: {
        customerId: 'cust-acme', name: 'Fleet telematics', ownerId: 'rep-ana', amount: { amount: 1000, currency: 'EUR' }, expectedCloseDate: '2026-06-30',
        sourceChannel: 'webinar', productLine: 'telematics', region: 'emea', openedOnDay: 0,
      },
      intents: [{ intent: 'win', finalAmount: { amount: 900, currency: 'EUR' } }, { intent: 'reopen' }],
    };
    const reopened = createOpportunityReadModels();
    const [afterReopen] = await playAndProject([script], reopened);
    expect(afterReopen.deal.amount).toEqual({ amount: 900, currency: 'EUR' });
    await expectEveryReadModelToAgree(reopened, [afterReopen]);

    const revisedBack = { ...script, intents: [...script.intents, { intent: 'revise', amount: { amount: 1000, currency: 'EUR' } }] } as const;
    const revised = createOpportunityReadModels();
    const [afterRevise] = await playAndProject([revisedBack], revised);
    expect(afterRevise.refused).toBe(0);
    expect(afterRevise.deal.amount).toEqual({ amount: 1000, currency: 'EUR' });
    await expectEveryReadModelToAgree(revised, [afterRevise]);
  });

  it('takes an archived deal out of the list, the funnel and the 360, refuses its other commands, and a restore brings it back whole', async () => {
    const script: DealScript = {
      opportunityId: 'deal-1',
      opening: {
        customerId: 'cust-acme', name: 'Fleet telematics', ownerId: 'rep-ana', amount: { amount: 1000, currency: 'EUR' }, expectedCloseDate: '2026-06-30',
        sourceChannel: 'webinar', productLine: 'telematics', region: 'emea', openedOnDay: 0,
      },
      intents: [{ intent: 'move', toStage: 'proposal' }, { intent: 'archive', reason: 'duplicate' }, { intent: 'move', toStage: 'negotiation' }, { intent: 'archive' }],
    };
    const archived = createOpportunityReadModels();
    const [whileArchived] = await playAndProject([script], archived);
    expect([whileArchived.refused, whileArchived.deal.stage, isArchived(whileArchived.deal)]).toEqual([2, 'proposal', true]);
    await expectEveryReadModelToAgree(archived, [whileArchived]);
    expect((await reportFigures(archived)).opportunities).toBe(0);

    const restored = createOpportunityReadModels();
    const [back] = await playAndProject([{ ...script, intents: [...script.intents, { intent: 'restore' }, { intent: 'restore' }] }], restored);
    expect([back.refused, back.deal.stage, isArchived(back.deal)]).toEqual([3, 'proposal', false]);
    await expectEveryReadModelToAgree(restored, [back]);
    expect((await reportFigures(restored)).stages.find(({ stage }) => stage === 'proposal')).toEqual({
      stage: 'proposal', count: 1, amounts: [{ currency: 'EUR', amount: 1000 }],
    });
  });

  it('every read model shows each deal as its aggregate does, whatever commands were sent', async () => {
    await fc.assert(
      fc.asyncProperty(dealScripts, async (scripts) => {
        const readModels = createOpportunityReadModels();
        const played = await playAndProject(scripts, readModels);
        await expectEveryReadModelToAgree(readModels, played);
        await expectRevisesJudgedAgainstTheListedAmount(readModels, played);
      }),
      { numRuns: 150 },
    );
  });
});
