import type { Decider } from '@meridian/platform/eventsourcing';
import type { CustomerImportCommand } from './customer-import.commands';
import { decideCustomerImport } from './customer-import.decide';
import type { CustomerImportEvent } from './customer-import.events';
import type { CustomerImportState } from './customer-import.state';
import { evolveCustomerImport } from './customer-import.evolve';
import { initialCustomerImportState } from './customer-import.state';

export { decideCustomerImport } from './customer-import.decide';
export { evolveCustomerImport } from './customer-import.evolve';
export { customerImportStreamId } from './customers.stream-ids';

/** An import job's write-side behaviour (stream `customer_import-<importId>`). */
export const customerImportDecider: Decider<CustomerImportCommand, CustomerImportEvent, CustomerImportState> = {
  decide: decideCustomerImport,
  evolve: evolveCustomerImport,
  initialState: initialCustomerImportState,
};
