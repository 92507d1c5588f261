import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { Projection } from '@meridian/platform/projections';
import type { CustomerContractEvent } from '@meridian/customers/contracts';
import { customerContractEventOf } from '@meridian/customers/contracts';
import { customerListCounterDeltas } from './customer-list.counters';
import type { CustomerListItem, ListedContact } from './customer-list.model';
import { customerListReadModel } from './customer-list.model';
import { utcInstantOf, withDerivedKeys, withElement, withoutElement } from './customer-list.item';

/** An event whose `ce_type` this read model does not know (e.g. a newer version): dead-lettered, to replay once supported. */
export class UnknownCustomerEvent extends Error {
  override readonly name = 'UnknownCustomerEvent';
}

/** The relay validated the payload against this very contract before publishing it. */
const knownOf = (event: ConsumedEvent): CustomerContractEvent => {
  const known = customerContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownCustomerEvent(`customer-list does not know ${event.type}`);
  return known;
};

const changed = (item: CustomerListItem, event: ConsumedEvent, fields: Partial<CustomerListItem>): CustomerListItem =>
  withDerivedKeys({ ...item, ...fields, streamRevision: event.streamRevision, lastPosition: event.globalPosition });

const contactOf = (p: Readonly<{ contactId: string; name: string; title?: string; emails: readonly string[]; phones: readonly string[] }>): ListedContact => ({
  contactId: p.contactId, name: p.name, title: p.title ?? null, emails: [...p.emails], phones: [...p.phones],
});

/** Adds or replaces by contact id, keeping the order contacts were added in. */
const withContact = (contacts: readonly ListedContact[], contact: ListedContact): ListedContact[] =>
  contacts.some((c) => c.contactId === contact.contactId) ? contacts.map((c) => (c.contactId === contact.contactId ? contact : c)) : [...contacts, contact];

/**
 * Pure: `(item | null, event) → item | null`. Only `CustomerRegistered`
 * creates a row, so events of a customer whose registration was never seen
 * (dead-lettered upstream) leave none. Every row returned carries the
 * event's revision and position: the runtime's idempotency guard.
 */
export const evolveCustomerListItem = (item: CustomerListItem | null, event: ConsumedEvent): CustomerListItem | null => {
  const known = knownOf(event);
  if (known.type === 'CustomerRegistered') {
    const p = known.payload;
    return withDerivedKeys({
      tenantId: event.tenantId, customerId: p.customerId, kind: p.kind, name: p.name, nameKey: '', searchTerms: [], contactKeys: [],
      industry: p.industry ?? null, region: p.region, size: p.size ?? null, sourceChannel: p.sourceChannel, ownerId: p.ownerId,
      emails: [...p.emails], phones: [...p.phones], contacts: [], tags: [], groups: [], intent: null, intentLevel: null, consents: {},
      segment: 'A', hasPurchases: 0, purchaseCount: 0, averageOrderValue: null, lastInteractionAt: null, lastInteraction: null,
      status: 'active', mergedInto: null, archivedAt: null, absorbed: [], registeredAt: utcInstantOf(p.registeredAt),
      streamRevision: event.streamRevision, lastPosition: event.globalPosition,
    });
  }
  if (item === null) return null;
  switch (known.type) {
    case 'CustomerProfileRevised': {
      const p = known.payload;
      return changed(item, event, { name: p.name, industry: p.industry ?? null, region: p.region, size: p.size ?? null, emails: [...p.emails], phones: [...p.phones] });
    }
    case 'ContactAdded':
    case 'ContactRevised':
      return changed(item, event, { contacts: withContact(item.contacts, contactOf(known.payload)) });
    case 'ContactRemoved':
      return changed(item, event, { contacts: item.contacts.filter((c) => c.contactId !== known.payload.contactId) });
    case 'CustomerTagged':
      return changed(item, event, { tags: withElement(item.tags, known.payload.tag) });
    case 'CustomerUntagged':
      return changed(item, event, { tags: withoutElement(item.tags, known.payload.tag) });
    case 'CustomerGroupsAssigned':
      return changed(item, event, { groups: [...new Set(known.payload.groups)].sort() });
    case 'CustomerIntentLevelSet': {
      const { level, reason, setAt } = known.payload;
      return changed(item, event, { intent: { level, reason, setAt }, intentLevel: level });
    }
    case 'CustomerOwnerChanged':
      return changed(item, event, { ownerId: known.payload.ownerId });
    case 'CustomerConsentRecorded': {
      const { purpose, granted, source, recordedAt } = known.payload;
      return changed(item, event, { consents: { ...item.consents, [purpose]: { granted, source, recordedAt } } });
    }
    case 'InteractionRecorded': {
      const p = known.payload;
      const occurredAt = utcInstantOf(p.occurredAt);
      // An interaction recorded late may have occurred before the last one; at the same instant the later record wins.
      if (item.lastInteractionAt !== null && occurredAt < item.lastInteractionAt) return changed(item, event, {});
      const lastInteraction = { interactionId: p.interactionId, kind: p.kind, occurredAt, summary: p.summary, contactId: p.contactId ?? null };
      return changed(item, event, { lastInteractionAt: occurredAt, lastInteraction });
    }
    case 'CustomersMerged':
      return changed(item, event, { absorbed: item.absorbed.includes(known.payload.mergedCustomerId) ? item.absorbed : [...item.absorbed, known.payload.mergedCustomerId] });
    case 'CustomerMergedInto':
      return changed(item, event, { mergedInto: known.payload.survivorId, status: 'merged' });
    case 'CustomerArchived':
      return changed(item, event, { archivedAt: known.payload.archivedAt, status: item.mergedInto === null ? 'archived' : 'merged' });
    case 'CustomerRestored':
      return changed(item, event, { archivedAt: null, status: item.mergedInto === null ? 'active' : 'merged' });
    case 'CustomersUnmerged':
      return changed(item, event, { absorbed: item.absorbed.filter((id) => id !== known.payload.unmergedCustomerId) });
    case 'CustomerMergeReverted':
      // A row of an older generation has no archivedAt at all: not archived.
      return changed(item, event, { mergedInto: null, status: (item.archivedAt ?? null) === null ? 'active' : 'archived' });
    case 'CustomerValueSegmentChanged': {
      const { segment, purchaseCount, averageOrderValue } = known.payload;
      return changed(item, event, { segment, purchaseCount, averageOrderValue: averageOrderValue === null ? null : { ...averageOrderValue } });
    }
    case 'CustomerOrderValueRecorded':
      // The segment follows in its own event; this one marks a customer whose segment time alone can move.
      return changed(item, event, { hasPurchases: 1 });
    case 'CustomerImportStarted':
    case 'CustomerImportBatchProcessed':
    case 'CustomerImportCompleted':
    case 'SegmentPolicySet':
      throw new UnknownCustomerEvent(`customer-list: ${known.type} does not belong on customer stream ${event.streamId}`);
    default: {
      const unreachable: never = known;
      throw new UnknownCustomerEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};

/** One row per `customer-<id>` stream; import jobs and segment policies share the topic but are not customers. */
export const customerListProjection: Projection<CustomerListItem> = {
  readModel: customerListReadModel,
  documentIdOf: (event) => (event.streamId.startsWith('customer-') ? event.streamId : undefined),
  evolve: evolveCustomerListItem,
  counterDeltasOf: customerListCounterDeltas,
};
