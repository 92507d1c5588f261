import type { CustomerRegistered } from './customer.events';
import type { CompanySize, ConsentPurpose, CustomerKind, Instant, IntentLevel, Money, ValueSegment } from './customer.values';

export type CustomerProfile = Readonly<{
  name: string;
  industry?: string;
  region: string;
  size?: CompanySize;
  emails: readonly string[];
  phones: readonly string[];
}>;

export type CustomerContact = Readonly<{
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
}>;

export type IntentRecord = Readonly<{ level: IntentLevel; reason: string; setAt: Instant }>;
/** Why and when the customer was archived; `reason` only when given. */
export type ArchiveRecord = Readonly<{ archivedAt: Instant; reason?: string }>;
export type ConsentRecord = Readonly<{ granted: boolean; source: string; recordedAt: Instant }>;

/** One order's latest recorded net value; `purchasedAt` is the first one recorded and never moves. */
export type RecordedOrderValue = Readonly<{ orderId: string; netValue: Money; purchasedAt: Instant; orderRevision: number }>;

// Collections keyed by id are arrays, not objects: an id such as "constructor"
// must never find something on Object.prototype.
export type CustomerDetails = Readonly<{
  customerId: string;
  kind: CustomerKind;
  sourceChannel: string;
  ownerId: string;
  registeredAt: Instant;
  profile: CustomerProfile;
  /** The registration as recorded, so a re-run of the same registration is recognised as such. */
  registration: CustomerRegistered['data'];
  contacts: readonly CustomerContact[];
  /** Ids of contacts removed and not added again: removing them again is a no-op. */
  removedContactIds: readonly string[];
  tags: readonly string[];
  groups: readonly string[];
  intent?: IntentRecord;
  consents: Readonly<Partial<Record<ConsentPurpose, ConsentRecord>>>;
  interactionIds: readonly string[];
  /** Set while this customer is merged away: its survivor. */
  mergedInto?: string;
  /** Customers this one absorbed and has not given back. */
  absorbed: readonly string[];
  /** Customers this one absorbed and later gave back: unmerging them again is a no-op. */
  released: readonly string[];
  /** Survivors this customer was merged into and reverted from: reverting again is a no-op. */
  formerSurvivors: readonly string[];
  orders: readonly RecordedOrderValue[];
  /** `null` until a segment was first judged. */
  segment: ValueSegment | null;
  /** When the segment last changed: a later judgement never looks at an earlier moment. */
  segmentChangedAt: Instant | null;
  /** Set while the customer is archived; absent otherwise (never undefined). */
  archived?: ArchiveRecord;
}>;

export type CustomerState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'registered' } & CustomerDetails>;
export type RegisteredCustomer = Extract<CustomerState, { status: 'registered' }>;

export const initialCustomerState: CustomerState = { status: 'absent' };
