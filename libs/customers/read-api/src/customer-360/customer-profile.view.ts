import { ApiProperty } from '@nestjs/swagger';
import { customerSegments } from '@meridian/read-models/customer-list';
import { CustomerMoneyView } from '../shared/money.view';

// The customer's own record in the 360 view, from the customer list.
// The OpenAPI document names a schema after its class, and a host that also
// serves GET /customers/{id} or /orders/{id} has a ContactView, a PaymentView...
// of its own, with other shapes (fields omitted there, null here): one would
// silently stand for both. Hence the Customer360 prefix on every class here
// whose plain name is taken elsewhere.

export class CustomerProfileView {
  @ApiProperty({ enum: ['company', 'person'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) industry!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['1-10', '11-50', '51-200', '201-1000', '1001+'] }) size!: string | null;
  @ApiProperty() sourceChannel!: string;
  @ApiProperty({ type: [String], description: 'Normalised' }) emails!: string[];
  @ApiProperty({ type: [String], description: 'Normalised' }) phones!: string[];
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class Customer360ContactView {
  @ApiProperty() contactId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [String] }) phones!: string[];
}

export class Customer360IntentView {
  @ApiProperty({ enum: ['hot', 'warm', 'cold'] }) level!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
}

export class Customer360ConsentView {
  @ApiProperty({ enum: ['email-marketing', 'phone-marketing', 'profiling', 'data-sharing'] }) purpose!: string;
  @ApiProperty({ description: 'The latest decision for the purpose' }) granted!: boolean;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class SegmentFiguresView {
  @ApiProperty({ enum: customerSegments }) segment!: string;
  @ApiProperty({ description: 'Purchases in the window when the segment was last judged' }) purchaseCount!: number;
  @ApiProperty({ type: CustomerMoneyView, nullable: true }) averageOrderValue!: CustomerMoneyView | null;
}

export class Customer360LineageView {
  @ApiProperty({ type: [String], description: 'Customers merged directly into this one, in merge order' }) absorbed!: string[];
  @ApiProperty({
    type: [String],
    description: 'This customer, then everyone merged into it at any depth: the customers whose activity the view shows',
  })
  customerIds!: string[];
}
