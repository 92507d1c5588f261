import type {
  AddContact,
  CompanySize,
  CustomerKind,
  DuplicateCandidate,
  RegisterCustomer,
  ReviseContact,
  ReviseCustomerProfile,
} from '@meridian/customers/domain';
import { normalisedContactPoints } from './validators';

// Request bodies (validated DTOs) to domain commands. Optional fields the
// client left out stay absent rather than undefined, and emails and phones
// go as typed: normalising them is the decider's job, with the request's
// default country code.

type ProfileInput = Readonly<{
  name: string;
  industry?: string;
  region: string;
  size?: CompanySize;
  emails?: readonly string[];
  phones?: readonly string[];
  defaultCountryCode?: string;
}>;

export type RegisterInput = ProfileInput & Readonly<{ kind: CustomerKind; sourceChannel: string; ownerId: string }>;
export type ContactInput = Readonly<{ name: string; title?: string; emails?: readonly string[]; phones?: readonly string[]; defaultCountryCode?: string }>;

const profileOf = (input: ProfileInput) => ({
  name: input.name,
  ...(input.industry === undefined ? {} : { industry: input.industry }),
  region: input.region,
  ...(input.size === undefined ? {} : { size: input.size }),
  emails: [...(input.emails ?? [])],
  phones: [...(input.phones ?? [])],
  ...(input.defaultCountryCode === undefined ? {} : { defaultCountryCode: input.defaultCountryCode }),
});

const contactOf = (input: ContactInput) => ({
  name: input.name,
  ...(input.title === undefined ? {} : { title: input.title }),
  emails: [...(input.emails ?? [])],
  phones: [...(input.phones ?? [])],
  ...(input.defaultCountryCode === undefined ? {} : { defaultCountryCode: input.defaultCountryCode }),
});

export const registerCustomerCommand = (customerId: string, input: RegisterInput, now: string): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: { customerId, kind: input.kind, ...profileOf(input), sourceChannel: input.sourceChannel, ownerId: input.ownerId, registeredAt: now },
});

export const reviseCustomerProfileCommand = (customerId: string, input: ProfileInput, now: string): ReviseCustomerProfile => ({
  type: 'ReviseCustomerProfile',
  data: { customerId, ...profileOf(input), revisedAt: now },
});

export const addContactCommand = (customerId: string, contactId: string, input: ContactInput, now: string): AddContact => ({
  type: 'AddContact',
  data: { customerId, contactId, ...contactOf(input), addedAt: now },
});

export const reviseContactCommand = (customerId: string, contactId: string, input: ContactInput, now: string): ReviseContact => ({
  type: 'ReviseContact',
  data: { customerId, contactId, ...contactOf(input), revisedAt: now },
});

/**
 * The customer about to be registered, as duplicate detection compares it:
 * emails and phones normalised exactly as the decider will record them.
 */
export const duplicateCandidateOf = (customerId: string, input: RegisterInput): DuplicateCandidate => ({
  customerId,
  kind: input.kind,
  name: input.name.trim(),
  region: input.region.trim(),
  ...normalisedContactPoints(input.emails ?? [], input.phones ?? [], input.defaultCountryCode),
});
