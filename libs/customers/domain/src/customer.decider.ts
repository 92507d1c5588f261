import type { Decider } from '@meridian/platform/eventsourcing';
import type { CustomerCommand } from './customer.commands';
import { decide } from './customer.decide';
import type { CustomerEvent } from './customer.events';
import { evolve } from './customer.evolve';
import type { CustomerState } from './customer.state';
import { initialCustomerState } from './customer.state';

export { decide } from './customer.decide';
export { evolve } from './customer.evolve';
export { customerStreamId } from './customers.stream-ids';

/** The customer aggregate's whole write-side behaviour; hand it to the command handler. */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  decide,
  evolve,
  initialState: initialCustomerState,
};
