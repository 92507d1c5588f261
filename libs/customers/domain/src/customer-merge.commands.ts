import type { Instant } from './customer.values';

// A merge touches two streams, so it is two commands: the application marks the
// absorbed customer first (MarkMergedInto, which refuses one that already has a
// survivor), then records the absorption on the survivor (MergeCustomer, which
// refuses a survivor that was itself merged away). If the second step is refused,
// RevertMerge on the absorbed customer undoes the first. Unmerging mirrors this.

/** On the survivor: it absorbs `mergedCustomerId`. */
export type MergeCustomer = Readonly<{
  type: 'MergeCustomer';
  data: { customerId: string; mergedCustomerId: string; reason?: string; mergedAt: Instant };
}>;

/** On the absorbed customer: from now on its id redirects to `survivorId`. */
export type MarkMergedInto = Readonly<{
  type: 'MarkMergedInto';
  data: { customerId: string; survivorId: string; mergedAt: Instant };
}>;

/** On the survivor: it gives back `unmergedCustomerId`, which it absorbed. */
export type UnmergeCustomer = Readonly<{
  type: 'UnmergeCustomer';
  data: { customerId: string; unmergedCustomerId: string; unmergedAt: Instant };
}>;

/** On the absorbed customer: it stands on its own again. The only command a merged-away customer takes. */
export type RevertMerge = Readonly<{
  type: 'RevertMerge';
  data: { customerId: string; formerSurvivorId: string; revertedAt: Instant };
}>;

export type CustomerLineageCommand = MergeCustomer | MarkMergedInto | UnmergeCustomer | RevertMerge;
