import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ContractOpenStage, OpportunityContractEvent } from '@meridian/opportunities/contracts';
import { contractOpenStages, opportunityContractEventOf } from '@meridian/opportunities/contracts';
import type { FunnelEntry, StageDwell } from './sales-funnel.model';

/** An event whose `ce_type` this read model does not know (e.g. a newer version): dead-lettered, to replay once supported. */
export class UnknownFunnelEvent extends Error {
  override readonly name = 'UnknownFunnelEvent';
}

/** An instant JavaScript cannot read (e.g. a leap second): dead-lettered rather than counted as NaN. */
export class UnreadableFunnelInstant extends Error {
  override readonly name = 'UnreadableFunnelInstant';
}

/** The relay validated the payload against this very contract before publishing it. */
const knownOf = (event: ConsumedEvent): OpportunityContractEvent => {
  const known = opportunityContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownFunnelEvent(`sales-funnel does not know ${event.type}`);
  return known;
};

export const isOpenStage = (stage: FunnelEntry['stage']): stage is ContractOpenStage => stage !== 'won' && stage !== 'lost';

/** Position in the funnel order (lead = 0 … negotiation = 3). */
export const openStageRank = (stage: ContractOpenStage): number => contractOpenStages.indexOf(stage);

const furthestOf = (a: ContractOpenStage, b: ContractOpenStage): ContractOpenStage => (openStageRank(b) > openStageRank(a) ? b : a);

/** RFC 3339 allows a lower-case `t`/`z`, which `Date.parse` does not promise to read. */
const millisOf = (instant: string): number => {
  const millis = Date.parse(instant.toUpperCase());
  if (!Number.isFinite(millis)) throw new UnreadableFunnelInstant(`sales-funnel cannot read the instant "${instant}"`);
  return millis;
};

/** `YYYY-MM` in UTC: a deal opened late on the 31st with a negative offset belongs to the next month. */
export const cohortMonthOf = (instant: string): string => new Date(millisOf(instant)).toISOString().slice(0, 7);

/**
 * The completed stay in the stage being left, if it was an open one. Clamped at
 * zero: business times come from different commands and may be out of order.
 */
const dwellsAfterLeaving = (entry: FunnelEntry, leftAt: string): readonly StageDwell[] => {
  if (!isOpenStage(entry.stage)) return entry.dwells;
  const seconds = Math.max(0, Math.round((millisOf(leftAt) - millisOf(entry.stageEnteredAt)) / 1000));
  return [...entry.dwells, { stage: entry.stage, seconds }];
};

const changed = (entry: FunnelEntry, event: ConsumedEvent, fields: Partial<FunnelEntry>): FunnelEntry => ({
  ...entry,
  ...fields,
  streamRevision: event.streamRevision,
  lastPosition: event.globalPosition,
});

/**
 * Pure: `(entry | null, event) → entry | null`. Events of a deal that was never
 * opened here (its open was dead-lettered upstream) leave no entry. Every entry
 * returned carries the event's revision and position: the runtime's idempotency guard.
 */
export const evolveFunnelEntry = (entry: FunnelEntry | null, event: ConsumedEvent): FunnelEntry | null => {
  const known = knownOf(event);
  if (known.type === 'OpportunityOpened') {
    const p = known.payload;
    return {
      tenantId: event.tenantId, opportunityId: p.opportunityId, cohortMonth: cohortMonthOf(p.openedAt),
      ownerId: p.ownerId, region: p.region, productLine: p.productLine, sourceChannel: p.sourceChannel,
      stage: 'lead', stageEnteredAt: p.openedAt, furthestOpenStage: 'lead', amount: p.amount, dwells: [], archived: false,
      streamRevision: event.streamRevision, lastPosition: event.globalPosition,
    };
  }
  if (entry === null) return null;
  switch (known.type) {
    case 'OpportunityStageChanged': {
      const { toStage, changedAt } = known.payload;
      return changed(entry, event, {
        dwells: dwellsAfterLeaving(entry, changedAt), stage: toStage, stageEnteredAt: changedAt,
        furthestOpenStage: furthestOf(entry.furthestOpenStage, toStage),
      });
    }
    case 'OpportunityWon': {
      const { finalAmount, wonAt } = known.payload;
      // A won deal has passed every stage (ADR-10), and stays counted as having reached them if it is reopened.
      return changed(entry, event, { dwells: dwellsAfterLeaving(entry, wonAt), stage: 'won', amount: finalAmount, stageEnteredAt: wonAt, furthestOpenStage: 'negotiation' });
    }
    case 'OpportunityLost': {
      const { lostAt } = known.payload;
      return changed(entry, event, { dwells: dwellsAfterLeaving(entry, lostAt), stage: 'lost', stageEnteredAt: lostAt });
    }
    case 'OpportunityReopened': {
      // The time spent closed is no stay in a funnel stage: no dwell sample.
      const { toStage, reopenedAt } = known.payload;
      return changed(entry, event, { stage: toStage, stageEnteredAt: reopenedAt, furthestOpenStage: furthestOf(entry.furthestOpenStage, toStage) });
    }
    case 'OpportunityArchived':
      // The deal stays in its stage while archived (its stay goes on), but contributes nothing to any counter.
      return changed(entry, event, { archived: true });
    case 'OpportunityRestored':
      return changed(entry, event, { archived: false });
    case 'OpportunityAmountRevised':
      return changed(entry, event, { amount: known.payload.amount });
    case 'OpportunityOwnerReassigned':
      return changed(entry, event, { ownerId: known.payload.ownerId });
    case 'OpportunityCloseDateRescheduled':
    case 'ActivityLogged':
      // Nothing the funnel counts changes, but the revision advances so the guard stays exact.
      return changed(entry, event, {});
    default: {
      const unreachable: never = known;
      throw new UnknownFunnelEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};
