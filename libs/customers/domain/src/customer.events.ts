import type { DomainEvent } from '@meridian/platform/eventsourcing';
import type { CompanySize, ConsentPurpose, CustomerKind, Instant, IntentLevel, InteractionKind, Money, ValueSegment } from './customer.values';

// Facts on a customer stream, named by intent. Emails and phones are always
// normalised and de-duplicated; optional fields are absent, never undefined.

export type CustomerRegistered = DomainEvent<'CustomerRegistered', {
  customerId: string;
  kind: CustomerKind;
  name: string;
  industry?: string;
  region: string;
  size?: CompanySize;
  sourceChannel: string;
  ownerId: string;
  emails: readonly string[];
  phones: readonly string[];
  registeredAt: Instant;
}>;

/** The whole new profile, never a diff, so a read model needs nothing it has not kept. */
export type CustomerProfileRevised = DomainEvent<'CustomerProfileRevised', {
  customerId: string;
  name: string;
  industry?: string;
  region: string;
  size?: CompanySize;
  emails: readonly string[];
  phones: readonly string[];
  revisedAt: Instant;
}>;

export type ContactAdded = DomainEvent<'ContactAdded', {
  customerId: string;
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
  addedAt: Instant;
}>;

export type ContactRevised = DomainEvent<'ContactRevised', {
  customerId: string;
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
  revisedAt: Instant;
}>;

export type ContactRemoved = DomainEvent<'ContactRemoved', { customerId: string; contactId: string; removedAt: Instant }>;

/** Tags are lower-cased and trimmed. */
export type CustomerTagged = DomainEvent<'CustomerTagged', { customerId: string; tag: string; taggedAt: Instant }>;
export type CustomerUntagged = DomainEvent<'CustomerUntagged', { customerId: string; tag: string; untaggedAt: Instant }>;

/** The whole new set of groups. */
export type CustomerGroupsAssigned = DomainEvent<'CustomerGroupsAssigned', { customerId: string; groups: readonly string[]; assignedAt: Instant }>;

export type CustomerIntentLevelSet = DomainEvent<'CustomerIntentLevelSet', {
  customerId: string;
  level: IntentLevel;
  reason: string;
  setAt: Instant;
}>;

export type CustomerOwnerChanged = DomainEvent<'CustomerOwnerChanged', {
  customerId: string;
  previousOwnerId: string;
  ownerId: string;
  changedAt: Instant;
}>;

export type CustomerConsentRecorded = DomainEvent<'CustomerConsentRecorded', {
  customerId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  source: string;
  recordedAt: Instant;
}>;

export type InteractionRecorded = DomainEvent<'InteractionRecorded', {
  customerId: string;
  interactionId: string;
  kind: InteractionKind;
  occurredAt: Instant;
  summary: string;
  contactId?: string;
  recordedAt: Instant;
}>;

/** On the survivor: its lineage lists what it absorbed. */
export type CustomersMerged = DomainEvent<'CustomersMerged', { customerId: string; mergedCustomerId: string; reason?: string; mergedAt: Instant }>;
/** On the absorbed: its id now redirects to the survivor. */
export type CustomerMergedInto = DomainEvent<'CustomerMergedInto', { customerId: string; survivorId: string; mergedAt: Instant }>;
export type CustomersUnmerged = DomainEvent<'CustomersUnmerged', { customerId: string; unmergedCustomerId: string; unmergedAt: Instant }>;
export type CustomerMergeReverted = DomainEvent<'CustomerMergeReverted', { customerId: string; formerSurvivorId: string; revertedAt: Instant }>;

/** The absolute net value of one order at one order revision; `purchasedAt` is the first one recorded for the order. */
export type CustomerOrderValueRecorded = DomainEvent<'CustomerOrderValueRecorded', {
  customerId: string;
  orderId: string;
  netValue: Money;
  purchasedAt: Instant;
  orderRevision: number;
  recordedAt: Instant;
}>;

/** Emitted only when the segment changes; the figures are those the new segment was judged on. */
export type CustomerValueSegmentChanged = DomainEvent<'CustomerValueSegmentChanged', {
  customerId: string;
  previousSegment: ValueSegment | null;
  segment: ValueSegment;
  purchaseCount: number;
  averageOrderValue: Money | null;
  windowStart: Instant;
  windowEnd: Instant;
  changedAt: Instant;
}>;

/** The customer left day-to-day work (lists, segments, most commands) until restored; `reason` only when given. */
export type CustomerArchived = DomainEvent<'CustomerArchived', { customerId: string; reason?: string; archivedAt: Instant }>;
/** An archived customer is back, with everything it had. */
export type CustomerRestored = DomainEvent<'CustomerRestored', { customerId: string; restoredAt: Instant }>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerProfileRevised
  | ContactAdded
  | ContactRevised
  | ContactRemoved
  | CustomerTagged
  | CustomerUntagged
  | CustomerGroupsAssigned
  | CustomerIntentLevelSet
  | CustomerOwnerChanged
  | CustomerConsentRecorded
  | InteractionRecorded
  | CustomersMerged
  | CustomerMergedInto
  | CustomersUnmerged
  | CustomerMergeReverted
  | CustomerOrderValueRecorded
  | CustomerValueSegmentChanged
  | CustomerArchived
  | CustomerRestored;

export const customerEventTypes = [
  'CustomerRegistered',
  'CustomerProfileRevised',
  'ContactAdded',
  'ContactRevised',
  'ContactRemoved',
  'CustomerTagged',
  'CustomerUntagged',
  'CustomerGroupsAssigned',
  'CustomerIntentLevelSet',
  'CustomerOwnerChanged',
  'CustomerConsentRecorded',
  'InteractionRecorded',
  'CustomersMerged',
  'CustomerMergedInto',
  'CustomersUnmerged',
  'CustomerMergeReverted',
  'CustomerOrderValueRecorded',
  'CustomerValueSegmentChanged',
  'CustomerArchived',
  'CustomerRestored',
] as const satisfies readonly CustomerEvent['type'][];
