import type { Decider } from '@meridian/platform/eventsourcing';
import type { OrderCommand } from './order.commands';
import { decide } from './order.decide';
import type { OrderEvent } from './order.events';
import { evolve } from './order.evolve';
import type { OrderState } from './order.state';
import { initialOrderState } from './order.state';

export { decide } from './order.decide';
export { evolve } from './order.evolve';
export { orderStreamId } from './order.stream-id';

/** The order aggregate's whole write-side behaviour; hand it to the command handler. */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  decide,
  evolve,
  initialState: initialOrderState,
};
