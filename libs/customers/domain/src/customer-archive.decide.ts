import type { ArchiveCustomer, RestoreCustomer } from './customer-archive.commands';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { RegisteredCustomer } from './customer.state';
import { optionalText } from './customer-fields.validate';

type Decision = readonly CustomerEvent[];

// The archive rules (the caller has already refused a missing or merged-away
// customer: a merged-away one is customer-merged, naming its survivor).
//
// - Archiving an archived customer is refused (already-archived), restoring
//   one that is not archived is refused (not-archived): unlike tags or groups,
//   these are decisions a user takes on what they see, so a stale screen must
//   hear that someone else already took it. A retry of the same request is
//   answered from its Idempotency-Key, not by these rules.
// - While archived, the customer refuses what changes the relationship
//   (customer-archived): profile, contacts, interactions, tags, groups,
//   intent, owner, granting a consent, and merging on either side. See
//   `refusedWhileArchived` in customer.decide.ts.
// - It still takes a consent withdrawal: withdrawing must always be possible
//   and recorded at once (GDPR Art. 7(3), and marketing systems act on the
//   event), whatever the customer's state in the CRM; the data is still held.
// - It still takes order values and segment re-judgements: orders are the
//   orders context's facts, and a restored customer should come back with
//   its value up to date.

export const archive = ({ data }: ArchiveCustomer, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  if (state.archived !== undefined) {
    throw violation(CustomerRuleCodes.alreadyArchived, `Customer ${customerId} was already archived at ${state.archived.archivedAt}`, {
      archivedAt: state.archived.archivedAt,
    });
  }
  const reason = optionalText(data.reason);
  return [{ type: 'CustomerArchived', data: { customerId, ...(reason !== undefined ? { reason } : {}), archivedAt: data.archivedAt } }];
};

export const restore = ({ data }: RestoreCustomer, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  if (state.archived === undefined) throw violation(CustomerRuleCodes.notArchived, `Customer ${customerId} is not archived`);
  return [{ type: 'CustomerRestored', data: { customerId, restoredAt: data.restoredAt } }];
};
