export { OrdersModule } from './orders.module';
export { OrderCommands } from './shared/order-commands.service';
export { OrderView } from './get-order/order.view';
