export { OrdersModule } from './orders.module';
export { OrderCommands } from './shared/order-commands.service';
export type { WonOpportunitySource } from './shared/won-opportunity-draft.context';
export { wonOpportunityActorId, wonOpportunityDraftContext } from './shared/won-opportunity-draft.context';
export { OrderView } from './get-order/order.view';
