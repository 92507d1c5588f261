import { Module } from '@nestjs/common';
import { CancelOrderController } from './cancel-order/cancel-order.controller';
import { ConfirmOrderController } from './confirm-order/confirm-order.controller';
import { GetOrderController } from './get-order/get-order.controller';
import { PlaceOrderController } from './place-order/place-order.controller';
import { RecordPaymentController } from './record-payment/record-payment.controller';
import { RefundOrderController } from './refund-order/refund-order.controller';
import { OrderCommands } from './shared/order-commands.service';

/**
 * The orders context's HTTP surface; needs EventStoreModule imported by the host.
 * Exports OrderCommands for a host that also runs the won-opportunity process manager.
 */
@Module({
  controllers: [
    PlaceOrderController,
    GetOrderController,
    ConfirmOrderController,
    RecordPaymentController,
    RefundOrderController,
    CancelOrderController,
  ],
  providers: [OrderCommands],
  exports: [OrderCommands],
})
export class OrdersModule {}
