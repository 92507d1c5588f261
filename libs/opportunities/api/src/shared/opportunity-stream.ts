import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound, foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import type { OpportunityDetails, OpportunityEvent } from '@meridian/opportunities/domain';
import { opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';

/**
 * The opportunity as its own stream says right now, for this tenant, and the
 * stream's revision (the ETag). A stream of another tenant is not found, as is
 * a missing one: 404 either way.
 */
export const readOpportunity = async (
  store: EventStore,
  tenantId: string,
  opportunityId: string,
): Promise<Readonly<{ details: OpportunityDetails; revision: number }>> => {
  const streamId = opportunityStreamId(opportunityId);
  const history = streamVisibleTo(tenantId, await store.readStream(streamId));
  if (history.length === 0) throw new AggregateNotFound(streamId);
  const state = foldEvents(opportunityDecider, history.map(toDomainEvent) as OpportunityEvent[]);
  if (state.status === 'absent') throw new AggregateNotFound(streamId);
  const { status: _status, ...details } = state;
  return { details, revision: history[history.length - 1].revision };
};
