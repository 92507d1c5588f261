import type { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { absorbed, customerId, mergedInto, registered } from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const at = '2026-04-01T08:00:00.000Z';

const merge = (mergedCustomerId: string, reason?: string): CustomerCommand => ({
  type: 'MergeCustomer',
  data: { customerId, mergedCustomerId, ...(reason !== undefined ? { reason } : {}), mergedAt: at },
});
const markMergedInto = (survivorId: string): CustomerCommand => ({ type: 'MarkMergedInto', data: { customerId, survivorId, mergedAt: at } });
const unmerge = (unmergedCustomerId: string): CustomerCommand => ({ type: 'UnmergeCustomer', data: { customerId, unmergedCustomerId, unmergedAt: at } });
const revert = (formerSurvivorId: string): CustomerCommand => ({ type: 'RevertMerge', data: { customerId, formerSurvivorId, revertedAt: at } });
const unmerged = (unmergedCustomerId: string): CustomerEvent => ({ type: 'CustomersUnmerged', data: { customerId, unmergedCustomerId, unmergedAt: at } });
const reverted = (formerSurvivorId: string): CustomerEvent => ({ type: 'CustomerMergeReverted', data: { customerId, formerSurvivorId, revertedAt: at } });

const detailsOf = (history: readonly CustomerEvent[], command: CustomerCommand): unknown => {
  try {
    customerDecider.decide(command, history.reduce(customerDecider.evolve, customerDecider.initialState));
  } catch (error) {
    return (error as BusinessRuleViolation).details;
  }
  throw new Error('Expected a rule violation');
};

describe('MergeCustomer (on the survivor)', () => {
  it('absorbs another customer, with a trimmed reason when given', () => {
    spec.given([registered]).when(merge('cust-dup', ' Same VAT number ')).then([
      { type: 'CustomersMerged', data: { customerId, mergedCustomerId: 'cust-dup', reason: 'Same VAT number', mergedAt: at } },
    ]);
    spec.given([registered]).when(merge('cust-dup', ' ')).then([{ type: 'CustomersMerged', data: { customerId, mergedCustomerId: 'cust-dup', mergedAt: at } }]);
  });

  it('appends nothing when it already absorbed that customer (a retried merge)', () => {
    spec.given([registered, absorbed('cust-dup')]).when(merge('cust-dup')).thenNothingHappens();
  });

  it('absorbs again a customer it gave back', () => {
    spec.given([registered, absorbed('cust-dup'), unmerged('cust-dup')]).when(merge('cust-dup')).then([
      { type: 'CustomersMerged', data: { customerId, mergedCustomerId: 'cust-dup', mergedAt: at } },
    ]);
  });

  it('refuses to absorb itself', () => {
    spec.given([registered]).when(merge(customerId)).thenRejects(Codes.mergeNotAllowed);
  });

  it('refuses a survivor that was itself merged away, naming its survivor', () => {
    spec.given([registered, mergedInto('cust-top')]).when(merge('cust-dup')).thenRejects(Codes.mergeNotAllowed);
    expect(detailsOf([registered, mergedInto('cust-top')], merge('cust-dup'))).toEqual({ survivorId: 'cust-top' });
  });
});

describe('MarkMergedInto (on the absorbed customer)', () => {
  it('redirects the customer to its survivor', () => {
    spec.given([registered]).when(markMergedInto('cust-top')).then([{ type: 'CustomerMergedInto', data: { customerId, survivorId: 'cust-top', mergedAt: at } }]);
  });

  it('appends nothing when already merged into that survivor (a retried merge)', () => {
    spec.given([registered, mergedInto('cust-top')]).when(markMergedInto('cust-top')).thenNothingHappens();
  });

  it('refuses a customer that already has another survivor, naming it', () => {
    spec.given([registered, mergedInto('cust-top')]).when(markMergedInto('cust-other')).thenRejects(Codes.mergeNotAllowed);
    expect(detailsOf([registered, mergedInto('cust-top')], markMergedInto('cust-other'))).toEqual({ survivorId: 'cust-top' });
  });

  it('refuses to merge a customer into itself, or into one it absorbed (a cycle)', () => {
    spec.given([registered]).when(markMergedInto(customerId)).thenRejects(Codes.mergeNotAllowed);
    spec.given([registered, absorbed('cust-dup')]).when(markMergedInto('cust-dup')).thenRejects(Codes.mergeNotAllowed);
  });

  it('lets a survivor be merged on into another: lineage forms a chain', () => {
    spec.given([registered, absorbed('cust-dup')]).when(markMergedInto('cust-top')).then([
      { type: 'CustomerMergedInto', data: { customerId, survivorId: 'cust-top', mergedAt: at } },
    ]);
  });
});

describe('UnmergeCustomer (on the survivor)', () => {
  it('gives back a customer it absorbed', () => {
    spec.given([registered, absorbed('cust-dup')]).when(unmerge('cust-dup')).then([unmerged('cust-dup')]);
  });

  it('appends nothing for a customer it already gave back', () => {
    spec.given([registered, absorbed('cust-dup'), unmerged('cust-dup')]).when(unmerge('cust-dup')).thenNothingHappens();
  });

  it('refuses a customer it never absorbed', () => {
    spec.given([registered, absorbed('cust-dup')]).when(unmerge('cust-other')).thenRejects(Codes.unmergeNotAllowed);
  });
});

describe('RevertMerge (on the absorbed customer)', () => {
  it('is the one command a merged-away customer takes', () => {
    spec.given([registered, mergedInto('cust-top')]).when(revert('cust-top')).then([reverted('cust-top')]);
  });

  it('appends nothing once reverted from that survivor', () => {
    spec.given([registered, mergedInto('cust-top'), reverted('cust-top')]).when(revert('cust-top')).thenNothingHappens();
  });

  it('refuses another survivor than the one it was merged into, or a customer never merged', () => {
    spec.given([registered, mergedInto('cust-top')]).when(revert('cust-other')).thenRejects(Codes.unmergeNotAllowed);
    expect(detailsOf([registered, mergedInto('cust-top')], revert('cust-other'))).toEqual({ formerSurvivorId: 'cust-other', survivorId: 'cust-top' });
    spec.given([registered]).when(revert('cust-top')).thenRejects(Codes.unmergeNotAllowed);
  });

  it('takes commands again once reverted', () => {
    const tag = { type: 'TagCustomer', data: { customerId, tag: 'back', taggedAt: at } } as const;
    spec.given([registered, mergedInto('cust-top'), reverted('cust-top')]).when(tag).then([
      { type: 'CustomerTagged', data: { customerId, tag: 'back', taggedAt: at } },
    ]);
  });

  it('may be merged again, into another survivor, after a revert', () => {
    spec.given([registered, mergedInto('cust-top'), reverted('cust-top')]).when(markMergedInto('cust-other')).then([
      { type: 'CustomerMergedInto', data: { customerId, survivorId: 'cust-other', mergedAt: at } },
    ]);
  });
});
