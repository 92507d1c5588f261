import type { CustomerArchiveCommand } from './customer-archive.commands';
import type { CustomerLineageCommand } from './customer-merge.commands';
import type { CustomerValueCommand } from './customer-value.commands';
import type { CompanySize, ConsentPurpose, CustomerKind, Instant, IntentLevel, InteractionKind } from './customer.values';

// Every command names its time (`…At`) explicitly: the domain never reads a
// clock. Emails and phones arrive as typed; the decider normalises them, with
// `defaultCountryCode` (the tenant's, default `+1`) for numbers without one.

export type RegisterCustomer = Readonly<{
  type: 'RegisterCustomer';
  data: {
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
    defaultCountryCode?: string;
    registeredAt: Instant;
  };
}>;

export type ReviseCustomerProfile = Readonly<{
  type: 'ReviseCustomerProfile';
  data: {
    customerId: string;
    name: string;
    industry?: string;
    region: string;
    size?: CompanySize;
    emails: readonly string[];
    phones: readonly string[];
    defaultCountryCode?: string;
    revisedAt: Instant;
  };
}>;

type ContactDetails = {
  customerId: string;
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
  defaultCountryCode?: string;
};

export type AddContact = Readonly<{ type: 'AddContact'; data: ContactDetails & { addedAt: Instant } }>;
export type ReviseContact = Readonly<{ type: 'ReviseContact'; data: ContactDetails & { revisedAt: Instant } }>;
export type RemoveContact = Readonly<{ type: 'RemoveContact'; data: { customerId: string; contactId: string; removedAt: Instant } }>;

export type TagCustomer = Readonly<{ type: 'TagCustomer'; data: { customerId: string; tag: string; taggedAt: Instant } }>;
export type UntagCustomer = Readonly<{ type: 'UntagCustomer'; data: { customerId: string; tag: string; untaggedAt: Instant } }>;

/** Replaces the whole set of groups. */
export type AssignCustomerGroups = Readonly<{
  type: 'AssignCustomerGroups';
  data: { customerId: string; groups: readonly string[]; assignedAt: Instant };
}>;

export type SetIntentLevel = Readonly<{
  type: 'SetIntentLevel';
  data: { customerId: string; level: IntentLevel; reason: string; setAt: Instant };
}>;

export type ChangeCustomerOwner = Readonly<{
  type: 'ChangeCustomerOwner';
  data: { customerId: string; ownerId: string; changedAt: Instant };
}>;

export type RecordConsent = Readonly<{
  type: 'RecordConsent';
  data: { customerId: string; purpose: ConsentPurpose; granted: boolean; source: string; recordedAt: Instant };
}>;

export type RecordInteraction = Readonly<{
  type: 'RecordInteraction';
  data: {
    customerId: string;
    /** Chosen by the caller; a second record with the same id appends nothing. */
    interactionId: string;
    kind: InteractionKind;
    /** When the call, email, meeting or visit happened (may be in the past). */
    occurredAt: Instant;
    summary: string;
    /** A current contact of the customer, when the interaction was with one. */
    contactId?: string;
    recordedAt: Instant;
  };
}>;

export type CustomerProfileCommand =
  | RegisterCustomer
  | ReviseCustomerProfile
  | TagCustomer
  | UntagCustomer
  | AssignCustomerGroups
  | SetIntentLevel
  | ChangeCustomerOwner
  | RecordConsent;

export type CustomerContactCommand = AddContact | ReviseContact | RemoveContact | RecordInteraction;

export type CustomerCommand =
  | CustomerProfileCommand
  | CustomerContactCommand
  | CustomerLineageCommand
  | CustomerValueCommand
  | CustomerArchiveCommand;
