import type { ContractMoney } from '@meridian/platform/contracts';
import type {
  ContractCompanySize,
  ContractConsentPurpose,
  ContractCustomerKind,
  ContractIntentLevel,
  ContractInteractionKind,
  ContractValueSegment,
} from '@meridian/customers/contracts';
import { contractValueSegments } from '@meridian/customers/contracts';

export const customerListReadModel = 'customer-list';

export const customerSegments: readonly ContractValueSegment[] = contractValueSegments;
export type CustomerSegment = ContractValueSegment;
export type CustomerKind = ContractCustomerKind;
export type CustomerIntentLevel = ContractIntentLevel;
export type CustomerConsentPurpose = ContractConsentPurpose;
export type CustomerInteractionKind = ContractInteractionKind;

export type ListedContact = Readonly<{
  contactId: string;
  name: string;
  title: string | null;
  emails: readonly string[];
  phones: readonly string[];
}>;

export type ListedIntent = Readonly<{ level: CustomerIntentLevel; reason: string; setAt: string }>;

/** The latest decision per purpose; a purpose never recorded is absent (no consent). */
export type ListedConsent = Readonly<{ granted: boolean; source: string; recordedAt: string }>;

export type ListedInteraction = Readonly<{
  interactionId: string;
  kind: CustomerInteractionKind;
  /** UTC, as `lastInteractionAt`. */
  occurredAt: string;
  summary: string;
  contactId: string | null;
}>;

/**
 * `merged` once the customer was merged into another (it redirects there),
 * `archived` while it is archived; lists leave both out by default. The
 * customers context never lets a customer be both (an archived customer takes
 * part in no merge, a merged-away one cannot be archived); were the events to
 * say so anyway, `merged` wins, as redirects do.
 */
export type CustomerListStatus = 'active' | 'merged' | 'archived';

/**
 * One row of a tenant's customer list, one per `customer-<id>` stream.
 * Absent optional values are `null`, never missing, so a document reads back
 * from MongoDB exactly as it was written. Instants the list sorts or compares
 * by (`registeredAt`, `lastInteractionAt`) are stored in UTC so that string
 * order is time order; other instants are kept as the event carried them.
 */
export type CustomerListItem = Readonly<{
  tenantId: string;
  customerId: string;
  kind: CustomerKind;
  name: string;
  /** Folded name (see `nameKeyOf`): the sort key and the similar-name key. */
  nameKey: string;
  /** Folded name and contact-name word-suffixes, emails, email domains and phones (see `searchTermsOf`). */
  searchTerms: readonly string[];
  /** Every email and phone of the customer and its contacts: what duplicate detection looks up. */
  contactKeys: readonly string[];
  industry: string | null;
  region: string;
  size: ContractCompanySize | null;
  sourceChannel: string;
  ownerId: string;
  emails: readonly string[];
  phones: readonly string[];
  contacts: readonly ListedContact[];
  /** Sorted, so the same set is always the same document. */
  tags: readonly string[];
  groups: readonly string[];
  intent: ListedIntent | null;
  /** `intent.level`, flattened because the query port filters on top-level fields only. */
  intentLevel: CustomerIntentLevel | null;
  consents: Readonly<Partial<Record<CustomerConsentPurpose, ListedConsent>>>;
  segment: CustomerSegment;
  /** 1 once any order value was recorded (a number so every store filters it alike): who a sweep must judge, A included. */
  hasPurchases: 0 | 1;
  purchaseCount: number;
  averageOrderValue: ContractMoney | null;
  lastInteractionAt: string | null;
  lastInteraction: ListedInteraction | null;
  status: CustomerListStatus;
  mergedInto: string | null;
  /** When the customer was archived, as the event carried it; null unless archived (a restore clears it). */
  archivedAt: string | null;
  /** Customers merged into this one and not unmerged, in merge order. */
  absorbed: readonly string[];
  registeredAt: string;
  streamRevision: number;
  lastPosition: number;
}>;
