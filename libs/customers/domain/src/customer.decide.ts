import { AggregateNotFound, assertNever } from '@meridian/platform/eventsourcing';
import type { CustomerCommand } from './customer.commands';
import { archive, restore } from './customer-archive.decide';
import { addContact, recordInteraction, removeContact, reviseContact } from './customer-contacts.decide';
import { absorb, markMergedInto, revertMerge, unmerge } from './customer-merge.decide';
import { assignGroups, changeOwner, recordConsent, register, reviseProfile, setIntentLevel, tag, untag } from './customer-profile.decide';
import { recordOrderValue, reevaluateSegment } from './customer-value.decide';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { CustomerState, RegisteredCustomer } from './customer.state';
import { customerStreamId } from './customers.stream-ids';

/**
 * Pure: the same command on the same state always yields the same events or the
 * same rule violation. An empty result means the command was already satisfied.
 */
export const decide = (command: CustomerCommand, state: CustomerState): readonly CustomerEvent[] => {
  switch (command.type) {
    case 'RegisterCustomer':
      return register(command, state);
    // The merge commands judge a merged-away customer themselves (see customer-merge.decide.ts).
    // An archived customer takes part in no merge, on either side; a revert (the saga's compensation) is never refused for it.
    case 'MergeCustomer':
      return absorb(command, notArchived(registered(state, command.data.customerId)));
    case 'MarkMergedInto':
      return markMergedInto(command, notArchived(registered(state, command.data.customerId)));
    case 'RevertMerge':
      return revertMerge(command, registered(state, command.data.customerId));
    case 'UnmergeCustomer':
      return unmerge(command, current(state, command.data.customerId));
    case 'ReviseCustomerProfile':
      return reviseProfile(command, current(state, command.data.customerId));
    case 'TagCustomer':
      return tag(command, current(state, command.data.customerId));
    case 'UntagCustomer':
      return untag(command, current(state, command.data.customerId));
    case 'AssignCustomerGroups':
      return assignGroups(command, current(state, command.data.customerId));
    case 'SetIntentLevel':
      return setIntentLevel(command, current(state, command.data.customerId));
    case 'ChangeCustomerOwner':
      return changeOwner(command, current(state, command.data.customerId));
    case 'RecordConsent': {
      // A withdrawal is always recorded, archived or not; a grant waits for a restore (see customer-archive.decide.ts).
      const customer = active(state, command.data.customerId);
      return recordConsent(command, command.data.granted === false ? customer : notArchived(customer));
    }
    case 'AddContact':
      return addContact(command, current(state, command.data.customerId));
    case 'ReviseContact':
      return reviseContact(command, current(state, command.data.customerId));
    case 'RemoveContact':
      return removeContact(command, current(state, command.data.customerId));
    case 'RecordInteraction':
      return recordInteraction(command, current(state, command.data.customerId));
    case 'RecordOrderValue':
      return recordOrderValue(command, active(state, command.data.customerId));
    case 'ReevaluateValueSegment':
      return reevaluateSegment(command, active(state, command.data.customerId));
    case 'ArchiveCustomer':
      return archive(command, active(state, command.data.customerId));
    case 'RestoreCustomer':
      return restore(command, active(state, command.data.customerId));
    default:
      return assertNever(command);
  }
};

const registered = (state: CustomerState, customerId: string): RegisteredCustomer => {
  if (state.status === 'absent') throw new AggregateNotFound(customerStreamId(customerId));
  return state;
};

/** Refuses an archived customer (customer-archived, with when it was archived). */
const notArchived = (customer: RegisteredCustomer): RegisteredCustomer => {
  if (customer.archived !== undefined) {
    throw violation(CustomerRuleCodes.archived, `Customer ${customer.customerId} is archived; restore it first`, {
      archivedAt: customer.archived.archivedAt,
    });
  }
  return customer;
};

/** A registered customer that was neither merged away nor archived: the one day-to-day commands need. */
const current = (state: CustomerState, customerId: string): RegisteredCustomer => notArchived(active(state, customerId));

/** A registered customer that was not merged away; a merged-away one redirects the caller to its survivor. */
const active = (state: CustomerState, customerId: string): RegisteredCustomer => {
  const customer = registered(state, customerId);
  if (customer.mergedInto !== undefined) {
    throw violation(CustomerRuleCodes.merged, `Customer ${customerId} was merged into ${customer.mergedInto}`, {
      survivorId: customer.mergedInto,
    });
  }
  return customer;
};
