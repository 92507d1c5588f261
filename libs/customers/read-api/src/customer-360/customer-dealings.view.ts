import { ApiProperty } from '@nestjs/swagger';
import { CustomerMoneyView } from '../shared/money.view';

// What the customer did with the other contexts, from customer activity: deals, orders, interactions.

export class OpenOpportunityView {
  @ApiProperty() opportunityId!: string;
  @ApiProperty({ format: 'uuid', description: 'The customer of the lineage the deal was opened for' }) customerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['lead', 'qualified', 'proposal', 'negotiation'] }) stage!: string;
  @ApiProperty({ type: CustomerMoneyView }) amount!: CustomerMoneyView;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date' }) expectedCloseDate!: string;
}

export class Customer360PaymentView {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ type: CustomerMoneyView }) amount!: CustomerMoneyView;
  @ApiProperty({ enum: ['card', 'transfer', 'cash', 'other'] }) method!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class Customer360RefundView {
  @ApiProperty() refundId!: string;
  @ApiProperty({ type: CustomerMoneyView }) amount!: CustomerMoneyView;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) refundedAt!: string;
}

export class OrderWithPaymentsView {
  @ApiProperty() orderId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['drafted', 'placed', 'confirmed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: CustomerMoneyView }) total!: CustomerMoneyView;
  @ApiProperty({ type: CustomerMoneyView }) paid!: CustomerMoneyView;
  @ApiProperty({ type: CustomerMoneyView }) refunded!: CustomerMoneyView;
  @ApiProperty({ type: CustomerMoneyView, description: 'Paid minus refunded' }) netPaid!: CustomerMoneyView;
  @ApiProperty({ nullable: true, type: String }) opportunityId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastPaymentAt!: string | null;
  @ApiProperty({ type: [Customer360PaymentView] }) payments!: Customer360PaymentView[];
  @ApiProperty({ type: [Customer360RefundView] }) refunds!: Customer360RefundView[];
}

export class InteractionView {
  @ApiProperty() interactionId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['call', 'email', 'meeting', 'visit'] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
}
