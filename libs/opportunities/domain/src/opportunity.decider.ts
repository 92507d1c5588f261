import type { Decider } from '@meridian/platform/eventsourcing';
import type { OpportunityCommand } from './opportunity.commands';
import { decide } from './opportunity.decide';
import type { OpportunityEvent } from './opportunity.events';
import { evolve } from './opportunity.evolve';
import type { OpportunityState } from './opportunity.state';
import { initialOpportunityState } from './opportunity.state';

export { decide } from './opportunity.decide';
export { evolve } from './opportunity.evolve';
export { opportunityStreamId } from './opportunity.stream-id';

/** The opportunity aggregate's whole write-side behaviour; hand it to the command handler. */
export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  decide,
  evolve,
  initialState: initialOpportunityState,
};
