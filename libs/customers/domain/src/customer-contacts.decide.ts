import type { AddContact, RecordInteraction, RemoveContact, ReviseContact } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { CustomerContact, RegisteredCustomer } from './customer.state';
import { interactionKinds } from './customer.values';
import { oneOf, optionalText, requiredText, validEmails, validInstant, validPhones } from './customer-fields.validate';
import { equalData } from './plain-data.equal';

type Decision = readonly CustomerEvent[];

const validContact = (data: AddContact['data'] | ReviseContact['data']): CustomerContact => {
  const title = optionalText(data.title);
  return {
    contactId: requiredText(data.contactId, 'contactId'),
    name: requiredText(data.name, 'name'),
    ...(title !== undefined ? { title } : {}),
    emails: validEmails(data.emails),
    phones: validPhones(data.phones, data.defaultCountryCode),
  };
};

const currentContact = (state: RegisteredCustomer, contactId: string): CustomerContact | undefined =>
  state.contacts.find((contact) => contact.contactId === contactId);

const contactNotFound = (state: RegisteredCustomer, contactId: string) =>
  violation(CustomerRuleCodes.contactNotFound, `Customer ${state.customerId} has no contact ${contactId}`, { contactId });

/**
 * Adding the same contact again is a no-op (a retried request); adding other
 * details under a current contact's id is refused, since that is a revision.
 * A removed contact's id may be added again.
 */
export const addContact = ({ data }: AddContact, state: RegisteredCustomer): Decision => {
  const contact = validContact(data);
  const existing = currentContact(state, contact.contactId);
  if (existing !== undefined) {
    if (equalData(existing, contact)) return [];
    throw violation(CustomerRuleCodes.contactAlreadyExists, `Customer ${state.customerId} already has contact ${contact.contactId}`, {
      contactId: contact.contactId,
    });
  }
  return [{ type: 'ContactAdded', data: { customerId: state.customerId, ...contact, addedAt: data.addedAt } }];
};

export const reviseContact = ({ data }: ReviseContact, state: RegisteredCustomer): Decision => {
  const contact = validContact(data);
  const existing = currentContact(state, contact.contactId);
  if (existing === undefined) throw contactNotFound(state, contact.contactId);
  if (equalData(existing, contact)) return [];
  return [{ type: 'ContactRevised', data: { customerId: state.customerId, ...contact, revisedAt: data.revisedAt } }];
};

/** Removing a contact that was already removed is a no-op; one that never existed is an error (likely a wrong id). */
export const removeContact = ({ data }: RemoveContact, state: RegisteredCustomer): Decision => {
  const { contactId } = data;
  if (currentContact(state, contactId) === undefined) {
    if (state.removedContactIds.includes(contactId)) return [];
    throw contactNotFound(state, contactId);
  }
  return [{ type: 'ContactRemoved', data: { customerId: state.customerId, contactId, removedAt: data.removedAt } }];
};

/**
 * Idempotent by interaction id: a retried or replayed record appends nothing,
 * whatever its content, so the first record stands (and is not re-judged, e.g.
 * against a contact removed since).
 */
export const recordInteraction = ({ data }: RecordInteraction, state: RegisteredCustomer): Decision => {
  const interactionId = requiredText(data.interactionId, 'interactionId');
  if (state.interactionIds.includes(interactionId)) return [];
  const kind = oneOf(interactionKinds, data.kind, 'kind');
  const summary = requiredText(data.summary, 'summary');
  // The time comes from the caller (a person, an import): it must be an instant the contract can publish.
  const occurredAt = validInstant(data.occurredAt, 'occurredAt');
  const contactId = optionalText(data.contactId);
  if (contactId !== undefined && currentContact(state, contactId) === undefined) throw contactNotFound(state, contactId);
  return [
    {
      type: 'InteractionRecorded',
      data: {
        customerId: state.customerId, interactionId, kind, occurredAt, summary,
        ...(contactId !== undefined ? { contactId } : {}),
        recordedAt: data.recordedAt,
      },
    },
  ];
};
