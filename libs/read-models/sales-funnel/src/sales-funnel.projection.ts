import type { CounterDelta, Projection } from '@meridian/platform/projections';
import { salesFunnelCounterDeltas } from './sales-funnel.counters';
import { evolveFunnelEntry } from './sales-funnel.entry';
import type { FunnelEntry } from './sales-funnel.model';
import { salesFunnelReadModel } from './sales-funnel.model';

/**
 * Per opportunity, an entry (a document guarded by stream revision, like any
 * projection); per written entry, the counter deltas between the entry before
 * and after. The runtime applies the deltas only when the guard lets the event
 * through, so a redelivered event changes neither the entry nor the counters.
 */
export type SalesFunnelProjection = Projection<FunnelEntry> &
  Readonly<{ counterDeltasOf: (before: FunnelEntry | null, after: FunnelEntry | null) => CounterDelta[] }>;

/** One entry per opportunity stream; the stream id is unique across tenants. */
export const salesFunnelProjection: SalesFunnelProjection = {
  readModel: salesFunnelReadModel,
  documentIdOf: (event) => (event.streamId.startsWith('opportunity-') ? event.streamId : undefined),
  evolve: evolveFunnelEntry,
  counterDeltasOf: salesFunnelCounterDeltas,
};
