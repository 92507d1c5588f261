import type { MarkMergedInto, MergeCustomer, RevertMerge, UnmergeCustomer } from './customer-merge.commands';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { RegisteredCustomer } from './customer.state';
import { optionalText, requiredText } from './customer-fields.validate';

type Decision = readonly CustomerEvent[];

// Each side of a merge judges what its own stream knows; together the two
// checks keep lineage a forest (no cycles, one survivor per absorbed customer).
// Every step is idempotent, so the application can retry a half-done merge.

/** On the survivor. A survivor that was itself merged away cannot absorb (details name its survivor). */
export const absorb = ({ data }: MergeCustomer, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  const mergedCustomerId = requiredText(data.mergedCustomerId, 'mergedCustomerId');
  if (state.mergedInto !== undefined) {
    throw violation(CustomerRuleCodes.mergeNotAllowed, `Customer ${customerId} was merged into ${state.mergedInto}; merge into that one`, {
      survivorId: state.mergedInto,
    });
  }
  if (mergedCustomerId === customerId) {
    throw violation(CustomerRuleCodes.mergeNotAllowed, `Customer ${customerId} cannot absorb itself`);
  }
  if (state.absorbed.includes(mergedCustomerId)) return [];
  const reason = optionalText(data.reason);
  return [
    { type: 'CustomersMerged', data: { customerId, mergedCustomerId, ...(reason !== undefined ? { reason } : {}), mergedAt: data.mergedAt } },
  ];
};

/** On the absorbed customer. Marking it again for the same survivor is a no-op; another survivor is refused. */
export const markMergedInto = ({ data }: MarkMergedInto, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  const survivorId = requiredText(data.survivorId, 'survivorId');
  if (state.mergedInto === survivorId) return [];
  if (state.mergedInto !== undefined) {
    throw violation(CustomerRuleCodes.mergeNotAllowed, `Customer ${customerId} was already merged into ${state.mergedInto}`, {
      survivorId: state.mergedInto,
    });
  }
  if (survivorId === customerId) {
    throw violation(CustomerRuleCodes.mergeNotAllowed, `Customer ${customerId} cannot be merged into itself`);
  }
  if (state.absorbed.includes(survivorId)) {
    // The survivor is merged away into this customer: merging back would make a cycle.
    throw violation(CustomerRuleCodes.mergeNotAllowed, `Customer ${survivorId} was merged into ${customerId}; unmerge it first`, {
      survivorId,
    });
  }
  return [{ type: 'CustomerMergedInto', data: { customerId, survivorId, mergedAt: data.mergedAt } }];
};

/** On the survivor: only a customer it absorbed; one it already gave back is a no-op. */
export const unmerge = ({ data }: UnmergeCustomer, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  const unmergedCustomerId = requiredText(data.unmergedCustomerId, 'unmergedCustomerId');
  if (!state.absorbed.includes(unmergedCustomerId)) {
    if (state.released.includes(unmergedCustomerId)) return [];
    throw violation(CustomerRuleCodes.unmergeNotAllowed, `Customer ${customerId} did not absorb ${unmergedCustomerId}`, { unmergedCustomerId });
  }
  return [{ type: 'CustomersUnmerged', data: { customerId, unmergedCustomerId, unmergedAt: data.unmergedAt } }];
};

/** On the absorbed customer: only from the survivor it was merged into; reverting again is a no-op. */
export const revertMerge = ({ data }: RevertMerge, state: RegisteredCustomer): Decision => {
  const { customerId } = state;
  const formerSurvivorId = requiredText(data.formerSurvivorId, 'formerSurvivorId');
  if (state.mergedInto === formerSurvivorId) {
    return [{ type: 'CustomerMergeReverted', data: { customerId, formerSurvivorId, revertedAt: data.revertedAt } }];
  }
  if (state.mergedInto === undefined && state.formerSurvivors.includes(formerSurvivorId)) return [];
  throw violation(CustomerRuleCodes.unmergeNotAllowed, `Customer ${customerId} is not merged into ${formerSurvivorId}`, {
    formerSurvivorId,
    ...(state.mergedInto !== undefined ? { survivorId: state.mergedInto } : {}),
  });
};
