import type {
  AssignCustomerGroups,
  ChangeCustomerOwner,
  RecordConsent,
  RegisterCustomer,
  ReviseCustomerProfile,
  SetIntentLevel,
  TagCustomer,
  UntagCustomer,
} from './customer.commands';
import type { CustomerEvent, CustomerRegistered } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { CustomerProfile, CustomerState, RegisteredCustomer } from './customer.state';
import { companySizes, consentPurposes, customerKinds, intentLevels } from './customer.values';
import { oneOf, optionalText, requiredText, validEmails, validPhones } from './customer-fields.validate';
import { equalData, sameSet } from './plain-data.equal';

type Decision = readonly CustomerEvent[];
type ProfileInput = ReviseCustomerProfile['data'];

/** The profile as it would be recorded: trimmed, normalised, optional fields absent when blank. */
export const validProfile = (data: Omit<ProfileInput, 'customerId' | 'revisedAt'>): CustomerProfile => {
  const industry = optionalText(data.industry);
  return {
    name: requiredText(data.name, 'name'),
    ...(industry !== undefined ? { industry } : {}),
    region: requiredText(data.region, 'region'),
    ...(data.size !== undefined ? { size: oneOf(companySizes, data.size, 'size') } : {}),
    emails: validEmails(data.emails),
    phones: validPhones(data.phones, data.defaultCountryCode),
  };
};

/**
 * Registering the same customer again (same id, same normalised details, at
 * any time) appends nothing: an import re-runs a crashed batch to the same
 * streams. Other details under a registered id are refused.
 */
export const register = ({ data }: RegisterCustomer, state: CustomerState): Decision => {
  const { name, industry, region, size, emails, phones } = validProfile(data);
  const registration: CustomerRegistered['data'] = {
    customerId: data.customerId,
    kind: oneOf(customerKinds, data.kind, 'kind'),
    name,
    ...(industry !== undefined ? { industry } : {}),
    region,
    ...(size !== undefined ? { size } : {}),
    sourceChannel: requiredText(data.sourceChannel, 'sourceChannel'),
    ownerId: requiredText(data.ownerId, 'ownerId'),
    emails,
    phones,
    registeredAt: data.registeredAt,
  };
  if (state.status === 'registered') {
    if (equalData({ ...state.registration, registeredAt: null }, { ...registration, registeredAt: null })) return [];
    throw violation(CustomerRuleCodes.alreadyRegistered, `Customer ${data.customerId} is already registered`);
  }
  return [{ type: 'CustomerRegistered', data: registration }];
};

export const reviseProfile = ({ data }: ReviseCustomerProfile, state: RegisteredCustomer): Decision => {
  const profile = validProfile(data);
  if (equalData(profile, state.profile)) return [];
  return [{ type: 'CustomerProfileRevised', data: { customerId: state.customerId, ...profile, revisedAt: data.revisedAt } }];
};

/** Tags are case-insensitive labels: trimmed and lower-cased before anything else. */
const tagOf = (tag: string): string => requiredText(tag, 'tag').toLowerCase();

export const tag = ({ data }: TagCustomer, state: RegisteredCustomer): Decision => {
  const label = tagOf(data.tag);
  if (state.tags.includes(label)) return [];
  return [{ type: 'CustomerTagged', data: { customerId: state.customerId, tag: label, taggedAt: data.taggedAt } }];
};

export const untag = ({ data }: UntagCustomer, state: RegisteredCustomer): Decision => {
  const label = tagOf(data.tag);
  if (!state.tags.includes(label)) return [];
  return [{ type: 'CustomerUntagged', data: { customerId: state.customerId, tag: label, untaggedAt: data.untaggedAt } }];
};

/** Groups are ids: trimmed, de-duplicated, order kept; the same set in another order is no change. */
export const assignGroups = ({ data }: AssignCustomerGroups, state: RegisteredCustomer): Decision => {
  const groups = [...new Set(data.groups.map((group) => requiredText(group, 'groups')))];
  if (sameSet(groups, state.groups)) return [];
  return [{ type: 'CustomerGroupsAssigned', data: { customerId: state.customerId, groups, assignedAt: data.assignedAt } }];
};

export const setIntentLevel = ({ data }: SetIntentLevel, state: RegisteredCustomer): Decision => {
  const level = oneOf(intentLevels, data.level, 'level');
  const reason = requiredText(data.reason, 'reason');
  if (state.intent?.level === level && state.intent.reason === reason) return [];
  return [{ type: 'CustomerIntentLevelSet', data: { customerId: state.customerId, level, reason, setAt: data.setAt } }];
};

export const changeOwner = ({ data }: ChangeCustomerOwner, state: RegisteredCustomer): Decision => {
  const ownerId = requiredText(data.ownerId, 'ownerId');
  if (ownerId === state.ownerId) return [];
  return [{ type: 'CustomerOwnerChanged', data: { customerId: state.customerId, previousOwnerId: state.ownerId, ownerId, changedAt: data.changedAt } }];
};

/** Every consent statement is recorded, repeats included: the trail of who said what, and when, is the point. */
export const recordConsent = ({ data }: RecordConsent, state: RegisteredCustomer): Decision => {
  const purpose = oneOf(consentPurposes, data.purpose, 'purpose');
  if (typeof data.granted !== 'boolean') {
    throw violation(CustomerRuleCodes.invalidField, 'granted must be true or false', { field: 'granted', value: data.granted });
  }
  const source = requiredText(data.source, 'source');
  return [{ type: 'CustomerConsentRecorded', data: { customerId: state.customerId, purpose, granted: data.granted, source, recordedAt: data.recordedAt } }];
};
