import type { Instant } from './customer.values';

// Archiving takes a customer out of day-to-day work without losing anything:
// its stream, history and read-model rows stay, and a restore brings it back
// as it was. The rules are in customer-archive.decide.ts.

/** Takes the customer out of lists, segments and day-to-day commands; `reason` is kept when given. */
export type ArchiveCustomer = Readonly<{
  type: 'ArchiveCustomer';
  data: { customerId: string; reason?: string; archivedAt: Instant };
}>;

/** Brings an archived customer back, with everything it had. */
export type RestoreCustomer = Readonly<{
  type: 'RestoreCustomer';
  data: { customerId: string; restoredAt: Instant };
}>;

export type CustomerArchiveCommand = ArchiveCustomer | RestoreCustomer;
