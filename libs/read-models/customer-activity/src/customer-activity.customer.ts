import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ContractMoney } from '@meridian/platform/contracts';
import { customerContractEventOf } from '@meridian/customers/contracts';
import type { CustomerRecordActivity, CustomerRecordSummary } from './customer-activity.model';
import { UnknownActivityEvent, advanced, entryOf, formatMinor, minorUnitsOf, utcInstantOf, startedFrom } from './customer-activity.entries';

const money = (value: ContractMoney | null): string => (value === null ? 'none' : formatMinor(minorUnitsOf(value.amount), value.currency));

const withSummary = (document: CustomerRecordActivity, fields: Partial<CustomerRecordSummary>): CustomerRecordActivity => ({
  ...document,
  summary: { ...document.summary, ...fields },
});

const titled = (name: string, title?: string): string => (title === undefined ? name : `${name}, ${title}`);

/**
 * A customer stream's own activity: its timeline entries (registration,
 * profile and contacts, tags, groups, intent, owner, consent, interactions,
 * merges, segment changes, archive and restore) and what customer 360 needs besides: the name,
 * the merge state and the interaction that occurred last. Recorded order
 * values get no entry: the order's own payment and refund entries tell it.
 */
export const evolveCustomerRecordActivity = (document: CustomerRecordActivity | null, event: ConsumedEvent): CustomerRecordActivity | null => {
  const known = customerContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownActivityEvent(`customer-activity does not know ${event.type}`);
  if (known.type === 'CustomerRegistered') {
    const p = known.payload;
    const registered: CustomerRecordActivity = {
      ...startedFrom(event, p.customerId),
      kind: 'customer',
      summary: { name: p.name, mergedInto: null, absorbed: [], lastInteraction: null },
    };
    return advanced(registered, event, entryOf(event, p.registeredAt, `Registered (${p.kind}) as "${p.name}" in ${p.region}, owner ${p.ownerId}`));
  }
  if (document === null) return null;
  switch (known.type) {
    case 'CustomerProfileRevised': {
      const p = known.payload;
      return advanced(withSummary(document, { name: p.name }), event, entryOf(event, p.revisedAt, `Profile revised: "${p.name}" in ${p.region}`));
    }
    case 'ContactAdded':
      return advanced(document, event, entryOf(event, known.payload.addedAt, `Contact added: ${titled(known.payload.name, known.payload.title)}`));
    case 'ContactRevised':
      return advanced(document, event, entryOf(event, known.payload.revisedAt, `Contact revised: ${titled(known.payload.name, known.payload.title)}`));
    case 'ContactRemoved':
      return advanced(document, event, entryOf(event, known.payload.removedAt, `Contact ${known.payload.contactId} removed`));
    case 'CustomerTagged':
      return advanced(document, event, entryOf(event, known.payload.taggedAt, `Tagged "${known.payload.tag}"`));
    case 'CustomerUntagged':
      return advanced(document, event, entryOf(event, known.payload.untaggedAt, `Untagged "${known.payload.tag}"`));
    case 'CustomerGroupsAssigned': {
      const { groups, assignedAt } = known.payload;
      return advanced(document, event, entryOf(event, assignedAt, groups.length === 0 ? 'Removed from every group' : `Groups set to ${groups.join(', ')}`));
    }
    case 'CustomerIntentLevelSet':
      return advanced(document, event, entryOf(event, known.payload.setAt, `Intent set to ${known.payload.level}: ${known.payload.reason}`));
    case 'CustomerOwnerChanged': {
      const p = known.payload;
      return advanced(document, event, entryOf(event, p.changedAt, `Owner changed from ${p.previousOwnerId} to ${p.ownerId}`));
    }
    case 'CustomerConsentRecorded': {
      const p = known.payload;
      return advanced(document, event, entryOf(event, p.recordedAt, `Consent to ${p.purpose} ${p.granted ? 'granted' : 'withdrawn'} (${p.source})`));
    }
    case 'InteractionRecorded': {
      const p = known.payload;
      const occurredAt = utcInstantOf(p.occurredAt);
      const last = document.summary.lastInteraction;
      // Recorded late, an interaction may have occurred before the last one; at the same instant the later record wins.
      const interaction = { interactionId: p.interactionId, kind: p.kind, occurredAt, summary: p.summary, contactId: p.contactId ?? null };
      const updated = last !== null && occurredAt < last.occurredAt ? document : withSummary(document, { lastInteraction: interaction });
      return advanced(updated, event, entryOf(event, p.occurredAt, `${p.kind}: ${p.summary}`));
    }
    case 'CustomersMerged': {
      const p = known.payload;
      const absorbed = document.summary.absorbed.includes(p.mergedCustomerId) ? document.summary.absorbed : [...document.summary.absorbed, p.mergedCustomerId];
      const why = p.reason === undefined ? '' : `: ${p.reason}`;
      return advanced(withSummary(document, { absorbed }), event, entryOf(event, p.mergedAt, `Absorbed customer ${p.mergedCustomerId}${why}`));
    }
    case 'CustomerMergedInto':
      return advanced(withSummary(document, { mergedInto: known.payload.survivorId }), event, entryOf(event, known.payload.mergedAt, `Merged into customer ${known.payload.survivorId}`));
    case 'CustomersUnmerged': {
      const p = known.payload;
      const absorbed = document.summary.absorbed.filter((id) => id !== p.unmergedCustomerId);
      return advanced(withSummary(document, { absorbed }), event, entryOf(event, p.unmergedAt, `Customer ${p.unmergedCustomerId} split off again`));
    }
    case 'CustomerMergeReverted':
      return advanced(withSummary(document, { mergedInto: null }), event, entryOf(event, known.payload.revertedAt, `Merge into customer ${known.payload.formerSurvivorId} reverted`));
    case 'CustomerOrderValueRecorded':
      return advanced(document, event, null);
    case 'CustomerValueSegmentChanged': {
      const p = known.payload;
      const figures = `${p.purchaseCount} purchase${p.purchaseCount === 1 ? '' : 's'}, average ${money(p.averageOrderValue)}`;
      return advanced(document, event, entryOf(event, p.changedAt, `Value segment ${p.previousSegment ?? 'none'} → ${p.segment} (${figures})`));
    }
    // The archived state itself is the customer list's (customer 360 reads it there); the timeline tells when and why.
    case 'CustomerArchived': {
      const p = known.payload;
      return advanced(document, event, entryOf(event, p.archivedAt, p.reason === undefined ? 'Archived' : `Archived: ${p.reason}`));
    }
    case 'CustomerRestored':
      return advanced(document, event, entryOf(event, known.payload.restoredAt, 'Restored from the archive'));
    case 'CustomerImportStarted':
    case 'CustomerImportBatchProcessed':
    case 'CustomerImportCompleted':
    case 'SegmentPolicySet':
      throw new UnknownActivityEvent(`customer-activity: ${known.type} does not belong on customer stream ${event.streamId}`);
    default: {
      const unreachable: never = known;
      throw new UnknownActivityEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};
