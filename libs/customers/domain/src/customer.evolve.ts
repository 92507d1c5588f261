import { assertNever } from '@meridian/platform/eventsourcing';
import type { CustomerEvent, CustomerRegistered } from './customer.events';
import type { CustomerContact, CustomerState, RegisteredCustomer } from './customer.state';

const without = (items: readonly string[], item: string): string[] => items.filter((each) => each !== item);
const withAdded = (items: readonly string[], item: string): string[] => (items.includes(item) ? [...items] : [...items, item]);

/**
 * Applies a recorded fact. Facts cannot be refused, so evolve never throws; an
 * event other than CustomerRegistered on an absent customer (a stream that does
 * not start with its registration) leaves the state as it was.
 */
export const evolve = (state: CustomerState, event: CustomerEvent): CustomerState => {
  if (event.type === 'CustomerRegistered') return registered(event.data);
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'CustomerProfileRevised': {
      const { name, industry, region, size, emails, phones } = event.data;
      const profile = { name, ...(industry !== undefined ? { industry } : {}), region, ...(size !== undefined ? { size } : {}), emails, phones };
      return { ...state, profile };
    }
    case 'ContactAdded':
    case 'ContactRevised': {
      const contact = contactOf(event.data);
      const at = state.contacts.findIndex((each) => each.contactId === contact.contactId);
      // A revision keeps the contact's place in the list; an addition goes last.
      const contacts = at < 0 ? [...state.contacts, contact] : state.contacts.map((each, index) => (index === at ? contact : each));
      return { ...state, contacts, removedContactIds: without(state.removedContactIds, contact.contactId) };
    }
    case 'ContactRemoved': {
      const { contactId } = event.data;
      const contacts = state.contacts.filter((each) => each.contactId !== contactId);
      return { ...state, contacts, removedContactIds: withAdded(state.removedContactIds, contactId) };
    }
    case 'CustomerTagged':
      return { ...state, tags: withAdded(state.tags, event.data.tag) };
    case 'CustomerUntagged':
      return { ...state, tags: without(state.tags, event.data.tag) };
    case 'CustomerGroupsAssigned':
      return { ...state, groups: [...event.data.groups] };
    case 'CustomerIntentLevelSet': {
      const { level, reason, setAt } = event.data;
      return { ...state, intent: { level, reason, setAt } };
    }
    case 'CustomerOwnerChanged':
      return { ...state, ownerId: event.data.ownerId };
    case 'CustomerConsentRecorded': {
      const { purpose, granted, source, recordedAt } = event.data;
      return { ...state, consents: { ...state.consents, [purpose]: { granted, source, recordedAt } } };
    }
    case 'InteractionRecorded':
      return { ...state, interactionIds: withAdded(state.interactionIds, event.data.interactionId) };
    case 'CustomersMerged': {
      const { mergedCustomerId } = event.data;
      return { ...state, absorbed: withAdded(state.absorbed, mergedCustomerId), released: without(state.released, mergedCustomerId) };
    }
    case 'CustomerMergedInto':
      return { ...state, mergedInto: event.data.survivorId };
    case 'CustomersUnmerged': {
      const { unmergedCustomerId } = event.data;
      return { ...state, absorbed: without(state.absorbed, unmergedCustomerId), released: withAdded(state.released, unmergedCustomerId) };
    }
    case 'CustomerMergeReverted':
      return { ...withoutSurvivor(state), formerSurvivors: withAdded(state.formerSurvivors, event.data.formerSurvivorId) };
    case 'CustomerOrderValueRecorded': {
      const { orderId, netValue, purchasedAt, orderRevision } = event.data;
      const recorded = { orderId, netValue, purchasedAt, orderRevision };
      const at = state.orders.findIndex((order) => order.orderId === orderId);
      const orders = at < 0 ? [...state.orders, recorded] : state.orders.map((order, index) => (index === at ? recorded : order));
      return { ...state, orders };
    }
    case 'CustomerValueSegmentChanged':
      return { ...state, segment: event.data.segment, segmentChangedAt: event.data.changedAt };
    case 'CustomerArchived': {
      const { archivedAt, reason } = event.data;
      return { ...state, archived: { archivedAt, ...(reason !== undefined ? { reason } : {}) } };
    }
    case 'CustomerRestored':
      return withoutArchive(state);
    default:
      return assertNever(event);
  }
};

const registered = (data: CustomerRegistered['data']): RegisteredCustomer => {
  const { customerId, kind, name, industry, region, size, sourceChannel, ownerId, emails, phones, registeredAt } = data;
  return {
    status: 'registered',
    customerId, kind, sourceChannel, ownerId, registeredAt,
    profile: { name, ...(industry !== undefined ? { industry } : {}), region, ...(size !== undefined ? { size } : {}), emails, phones },
    registration: data,
    contacts: [], removedContactIds: [], tags: [], groups: [], consents: {}, interactionIds: [],
    absorbed: [], released: [], formerSurvivors: [], orders: [], segment: null, segmentChangedAt: null,
  };
};

const contactOf = ({ contactId, name, title, emails, phones }: CustomerContact): CustomerContact => ({
  contactId, name, ...(title !== undefined ? { title } : {}), emails, phones,
});

/** The customer back from the archive: `archived` removed, not set to undefined. */
const withoutArchive = (state: RegisteredCustomer): RegisteredCustomer => {
  const { archived: _archived, ...rest } = state;
  return rest;
};

/** The customer standing on its own again: `mergedInto` removed, not set to undefined. */
const withoutSurvivor = (state: RegisteredCustomer): RegisteredCustomer => {
  const { mergedInto: _survivor, ...rest } = state;
  return rest;
};
