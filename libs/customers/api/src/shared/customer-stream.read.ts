import type { CommandResult, EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import { foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import type { CustomerEvent, CustomerState } from '@meridian/customers/domain';
import { customerDecider, customerStreamId } from '@meridian/customers/domain';

export type CustomerHistory = Readonly<{ streamId: string; events: readonly RecordedEvent[]; state: CustomerState }>;

/** One customer's stream as the tenant may see it (another tenant's reads as empty), folded. */
export const readCustomerHistory = async (store: EventStore, tenantId: string, customerId: string): Promise<CustomerHistory> => {
  const streamId = customerStreamId(customerId);
  const events = streamVisibleTo(tenantId, await store.readStream(streamId));
  return { streamId, events, state: foldEvents(customerDecider, events.map(toDomainEvent) as CustomerEvent[]) };
};

/**
 * What the command handler would answer a retry under `idempotencyKey` with:
 * the last event that key appended to this stream, or undefined if it appended none.
 */
export const keyedResult = (history: CustomerHistory, idempotencyKey: string): CommandResult | undefined => {
  const last = history.events.filter((event) => event.metadata.idempotencyKey === idempotencyKey).at(-1);
  return last === undefined
    ? undefined
    : { streamId: history.streamId, revision: last.revision, position: last.globalPosition, appended: [], replayed: true };
};
