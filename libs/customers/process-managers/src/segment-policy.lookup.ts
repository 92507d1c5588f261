import type { EventStore } from '@meridian/platform/eventsourcing';
import { foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import type { SegmentPolicy, SegmentPolicyEvent } from '@meridian/customers/domain';
import { currentSegmentPolicy, segmentPolicyDecider, segmentPolicyStreamId } from '@meridian/customers/domain';

/** The tenant's segment policy as of now: the one last set, else the default. Read from its stream, so always current. */
export const segmentPolicyOf = async (store: EventStore, tenantId: string): Promise<SegmentPolicy> => {
  const history = streamVisibleTo(tenantId, await store.readStream(segmentPolicyStreamId(tenantId)));
  return currentSegmentPolicy(foldEvents(segmentPolicyDecider, history.map(toDomainEvent) as SegmentPolicyEvent[]));
};
