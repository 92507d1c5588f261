import { randomUUID } from 'node:crypto';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { streamRevisionOf } from '@meridian/platform/eventsourcing';
import type { OpportunityContractPayloads } from '@meridian/opportunities/contracts';
import type { OrderContractPayloads } from '@meridian/orders/contracts';

/** One stored event of a context, typed by its public contract (the stored payload is the contract's). */
type ContractEventOf<TPayloads> = { [TType in keyof TPayloads]: Readonly<{ type: TType; data: TPayloads[TType] }> }[keyof TPayloads];

export type OpportunityEvent = ContractEventOf<OpportunityContractPayloads>;
export type OrderEvent = ContractEventOf<OrderContractPayloads>;

/**
 * Appends events to another context's stream as its command side would
 * (schema version 1, tenant in the metadata), so the relay's router and the
 * read models see exactly what that context publishes. Returns the global
 * position of the last one, for X-Min-Position.
 */
export const appendForeignEvents = async (
  store: EventStore,
  tenantId: string,
  streamId: string,
  events: readonly Readonly<{ type: string | number | symbol; data: unknown }>[],
): Promise<number> => {
  const expected = streamRevisionOf(await store.readStream(streamId));
  const result = await store.appendToStream(
    streamId,
    events.map(({ type, data }) => ({
      eventId: randomUUID(),
      type: String(type),
      data,
      metadata: { tenantId, actorId: 'e2e', correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1, occurredAt: new Date().toISOString() },
    })),
    expected,
  );
  return result.lastPosition;
};

export const appendOpportunityEvents = (store: EventStore, tenantId: string, opportunityId: string, events: readonly OpportunityEvent[]): Promise<number> =>
  appendForeignEvents(store, tenantId, `opportunity-${opportunityId}`, events);

export const appendOrderEvents = (store: EventStore, tenantId: string, orderId: string, events: readonly OrderEvent[]): Promise<number> =>
  appendForeignEvents(store, tenantId, `order-${orderId}`, events);
