import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ContractMoney } from '@meridian/opportunities/contracts';
import { opportunityContractEventOf } from '@meridian/opportunities/contracts';
import type { OpportunityActivity, OpportunitySummary } from './customer-activity.model';
import { UnknownActivityEvent, advanced, entryOf, formatMinor, minorUnitsOf, startedFrom } from './customer-activity.entries';

const money = (value: ContractMoney): string => formatMinor(minorUnitsOf(value.amount), value.currency);

const withSummary = (document: OpportunityActivity, fields: Partial<OpportunitySummary>): OpportunityActivity => ({
  ...document,
  summary: { ...document.summary, ...fields },
});

/**
 * An opportunity stream's activity. The customer is named only by
 * `OpportunityOpened`, so a stream whose open was never seen (dead-lettered
 * upstream) leaves no document; later events update the one it created.
 */
export const evolveOpportunityActivity = (document: OpportunityActivity | null, event: ConsumedEvent): OpportunityActivity | null => {
  const known = opportunityContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownActivityEvent(`customer-activity does not know ${event.type}`);
  if (known.type === 'OpportunityOpened') {
    const p = known.payload;
    const opened: OpportunityActivity = {
      ...startedFrom(event, p.customerId),
      kind: 'opportunity',
      summary: {
        opportunityId: p.opportunityId, name: p.name, stage: p.stage, amountMinor: minorUnitsOf(p.amount.amount), currency: p.amount.currency,
        open: true, archived: false, ownerId: p.ownerId, expectedCloseDate: p.expectedCloseDate,
      },
    };
    return advanced(opened, event, entryOf(event, p.openedAt, `Opportunity "${p.name}" opened at ${money(p.amount)}`));
  }
  if (document === null) return null;
  switch (known.type) {
    case 'OpportunityStageChanged': {
      const p = known.payload;
      return advanced(withSummary(document, { stage: p.toStage }), event, entryOf(event, p.changedAt, `Stage moved from ${p.fromStage} to ${p.toStage}`));
    }
    case 'OpportunityWon': {
      const p = known.payload;
      const won = withSummary(document, { stage: 'won', open: false, amountMinor: minorUnitsOf(p.finalAmount.amount), currency: p.finalAmount.currency });
      return advanced(won, event, entryOf(event, p.wonAt, `Won at ${money(p.finalAmount)}`));
    }
    case 'OpportunityLost': {
      const p = known.payload;
      return advanced(withSummary(document, { stage: 'lost', open: false }), event, entryOf(event, p.lostAt, `Lost: ${p.reason}`));
    }
    case 'OpportunityReopened': {
      const p = known.payload;
      const why = p.reason === undefined ? '' : `: ${p.reason}`;
      return advanced(withSummary(document, { stage: p.toStage, open: true }), event, entryOf(event, p.reopenedAt, `Reopened (was ${p.previousOutcome}) in ${p.toStage}${why}`));
    }
    case 'OpportunityArchived': {
      const p = known.payload;
      const why = p.reason === undefined ? '' : `: ${p.reason}`;
      return advanced(withSummary(document, { archived: true }), event, entryOf(event, p.archivedAt, `Archived (in ${p.stage})${why}`));
    }
    case 'OpportunityRestored': {
      const p = known.payload;
      return advanced(withSummary(document, { archived: false }), event, entryOf(event, p.restoredAt, `Restored (in ${p.stage})`));
    }
    case 'OpportunityAmountRevised': {
      const p = known.payload;
      const revised = withSummary(document, { amountMinor: minorUnitsOf(p.amount.amount), currency: p.amount.currency });
      return advanced(revised, event, entryOf(event, p.revisedAt, `Amount revised from ${money(p.previousAmount)} to ${money(p.amount)}`));
    }
    case 'OpportunityCloseDateRescheduled': {
      const p = known.payload;
      const entry = entryOf(event, p.rescheduledAt, `Expected close moved from ${p.previousExpectedCloseDate} to ${p.expectedCloseDate}`);
      return advanced(withSummary(document, { expectedCloseDate: p.expectedCloseDate }), event, entry);
    }
    case 'OpportunityOwnerReassigned': {
      const p = known.payload;
      return advanced(withSummary(document, { ownerId: p.ownerId }), event, entryOf(event, p.reassignedAt, `Owner changed from ${p.previousOwnerId} to ${p.ownerId}`));
    }
    case 'ActivityLogged': {
      const p = known.payload;
      return advanced(document, event, entryOf(event, p.occurredAt, `${p.kind}: ${p.subject}`));
    }
    default: {
      const unreachable: never = known;
      throw new UnknownActivityEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};
