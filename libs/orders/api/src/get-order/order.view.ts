import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrderDetails } from '@meridian/orders/domain';
import { netPaidOf, orderStatuses, outstandingOf, paymentMethods, toMinorUnits, toMoney } from '@meridian/orders/domain';
import { OrderMoneyDto } from '../shared/money.dto';

export class OrderLineView {
  @ApiProperty() lineId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ minimum: 1 }) quantity!: number;
  @ApiProperty({ type: OrderMoneyDto }) unitPrice!: OrderMoneyDto;
  @ApiProperty({ type: OrderMoneyDto, description: 'quantity × unit price' }) lineTotal!: OrderMoneyDto;
}

export class PaymentView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ type: OrderMoneyDto }) amount!: OrderMoneyDto;
  @ApiProperty({ enum: paymentMethods }) method!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class RefundView {
  @ApiProperty() refundId!: string;
  @ApiProperty({ type: OrderMoneyDto }) amount!: OrderMoneyDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) refundedAt!: string;
}

/** The order as its own stream says right now (strongly consistent). */
export class OrderView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: orderStatuses }) status!: string;
  @ApiProperty({ enum: ['placed', 'drafted'], description: 'Placed by a person, or drafted from a won opportunity' }) origin!: string;
  @ApiPropertyOptional() opportunityId?: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [OrderLineView] }) lines!: OrderLineView[];
  @ApiProperty({ type: OrderMoneyDto }) total!: OrderMoneyDto;
  @ApiProperty({ type: OrderMoneyDto, description: 'Every payment received, refunds not deducted' }) paid!: OrderMoneyDto;
  @ApiProperty({ type: OrderMoneyDto }) refunded!: OrderMoneyDto;
  @ApiProperty({ type: OrderMoneyDto, description: 'paid − refunded' }) netPaid!: OrderMoneyDto;
  @ApiProperty({ type: OrderMoneyDto, description: 'total − paid: refunds do not reopen the balance' }) outstanding!: OrderMoneyDto;
  @ApiProperty({ type: [PaymentView] }) payments!: PaymentView[];
  @ApiProperty({ type: [RefundView] }) refunds!: RefundView[];
  @ApiProperty({ format: 'date-time', description: 'When it was placed or drafted' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) confirmedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) cancelledAt?: string;
  @ApiPropertyOptional() cancellationReason?: string;
  @ApiProperty({ description: 'Stream revision; also the ETag' }) revision!: number;
}

/** Amounts leave the domain's minor units here, once, for the wire. */
export const toOrderView = (order: OrderDetails, revision: number): OrderView => {
  const money = (minor: number) => toMoney(minor, order.currency);
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    status: order.status,
    origin: order.origin,
    ...(order.opportunityId === undefined ? {} : { opportunityId: order.opportunityId }),
    currency: order.currency,
    lines: order.lines.map((line) => ({
      ...line,
      unitPrice: { ...line.unitPrice },
      lineTotal: money(toMinorUnits(line.unitPrice.amount) * line.quantity),
    })),
    total: money(order.total),
    paid: money(order.paid),
    refunded: money(order.refunded),
    netPaid: money(netPaidOf(order)),
    outstanding: money(outstandingOf(order)),
    payments: order.payments.map(({ paymentId, amount, method, receivedAt }) => ({ paymentId, amount: money(amount), method, receivedAt })),
    refunds: order.refunds.map(({ refundId, amount, reason, refundedAt }) => ({ refundId, amount: money(amount), reason, refundedAt })),
    createdAt: order.createdAt,
    ...(order.confirmedAt === undefined ? {} : { confirmedAt: order.confirmedAt }),
    ...(order.cancelledAt === undefined ? {} : { cancelledAt: order.cancelledAt }),
    ...(order.cancellationReason === undefined ? {} : { cancellationReason: order.cancellationReason }),
    revision,
  };
};
