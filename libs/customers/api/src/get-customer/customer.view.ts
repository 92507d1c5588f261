import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import type { CustomerValueSegmentChanged, RegisteredCustomer } from '@meridian/customers/domain';
import { companySizes, consentPurposes, customerKinds, intentLevels, valueSegments } from '@meridian/customers/domain';

class CustomerValueMoneyView {
  @ApiProperty({ example: 1250.5 }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class ProfileView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() industry?: string;
  @ApiProperty() region!: string;
  @ApiPropertyOptional({ enum: companySizes }) size?: string;
  @ApiProperty({ type: [String], description: 'Normalised' }) emails!: string[];
  @ApiProperty({ type: [String], description: 'Normalised, E.164 style' }) phones!: string[];
}

export class ContactView {
  @ApiProperty() contactId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() title?: string;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [String] }) phones!: string[];
}

export class IntentView {
  @ApiProperty({ enum: intentLevels }) level!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
}

export class ConsentView {
  @ApiProperty({ enum: consentPurposes }) purpose!: string;
  @ApiProperty() granted!: boolean;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class LineageView {
  @ApiPropertyOptional({ format: 'uuid', description: 'Set while this customer is merged away (reads redirect there)' }) mergedInto?: string;
  @ApiProperty({ type: [String], description: 'Customers this one absorbed and has not given back' }) absorbed!: string[];
}

export class OrderValueView {
  @ApiProperty() orderId!: string;
  @ApiProperty({ type: CustomerValueMoneyView, description: 'Paid minus refunded' }) netValue!: CustomerValueMoneyView;
  @ApiProperty({ format: 'date-time' }) purchasedAt!: string;
}

export class ValueSegmentView {
  @ApiProperty({ enum: valueSegments, nullable: true, description: 'null until first judged' }) segment!: string | null;
  @ApiPropertyOptional({ description: 'Purchases in the window when the segment last changed' }) purchaseCount?: number;
  @ApiPropertyOptional({ type: CustomerValueMoneyView, nullable: true }) averageOrderValue?: CustomerValueMoneyView | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive start of that window' }) windowStart?: string;
  @ApiPropertyOptional({ format: 'date-time' }) windowEnd?: string;
  @ApiPropertyOptional({ format: 'date-time' }) changedAt?: string;
  @ApiProperty({ type: [OrderValueView], description: 'Every order value recorded, latest value per order' }) orders!: OrderValueView[];
}

/** One customer as its own stream says right now (strongly consistent). */
export class CustomerView {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: customerKinds }) kind!: string;
  @ApiProperty({ type: ProfileView }) profile!: ProfileView;
  @ApiProperty() sourceChannel!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: [ContactView] }) contacts!: ContactView[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) groups!: string[];
  @ApiPropertyOptional({ type: IntentView }) intent?: IntentView;
  @ApiProperty({ type: [ConsentView], description: 'The latest statement per purpose' }) consents!: ConsentView[];
  @ApiProperty({ description: 'Interactions recorded' }) interactionCount!: number;
  @ApiProperty({ type: LineageView }) lineage!: LineageView;
  @ApiProperty({ type: ValueSegmentView }) valueSegment!: ValueSegmentView;
  @ApiProperty({ description: 'Archived: out of lists and segment counts, refusing day-to-day commands until restored' }) archived!: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'While archived: when' }) archivedAt?: string;
  @ApiPropertyOptional({ description: 'While archived: why, when a reason was given' }) archiveReason?: string;
  @ApiProperty({ description: 'Stream revision; also the ETag' }) revision!: number;
}

export class MergedCustomerView {
  @ApiProperty({ format: 'uuid', description: 'The customer asked for' }) customerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The survivor it was merged into' }) mergedInto!: string;
  @ApiProperty({ example: '/api/v1/customers/3f1d7c52-8a0e-4b5e-9a63-2f4d0c9e1b77' }) location!: string;
}

/**
 * The figures of the last segment change, read from the stream: the state
 * keeps only the segment, and the figures are only published when it changes.
 */
const lastSegmentChange = (events: readonly RecordedEvent[]): CustomerValueSegmentChanged['data'] | undefined =>
  events.filter((event) => event.type === 'CustomerValueSegmentChanged').at(-1)?.data as CustomerValueSegmentChanged['data'] | undefined;

export const toCustomerView = (customer: RegisteredCustomer, events: readonly RecordedEvent[], revision: number): CustomerView => {
  const change = lastSegmentChange(events);
  const { name, industry, region, size, emails, phones } = customer.profile;
  return {
    customerId: customer.customerId,
    kind: customer.kind,
    profile: { name, ...(industry === undefined ? {} : { industry }), region, ...(size === undefined ? {} : { size }), emails: [...emails], phones: [...phones] },
    sourceChannel: customer.sourceChannel,
    ownerId: customer.ownerId,
    registeredAt: customer.registeredAt,
    contacts: customer.contacts.map((contact) => ({ ...contact, emails: [...contact.emails], phones: [...contact.phones] })),
    tags: [...customer.tags],
    groups: [...customer.groups],
    ...(customer.intent === undefined ? {} : { intent: { ...customer.intent } }),
    consents: consentPurposes.flatMap((purpose) => {
      const consent = customer.consents[purpose];
      return consent === undefined ? [] : [{ purpose, ...consent }];
    }),
    interactionCount: customer.interactionIds.length,
    lineage: { ...(customer.mergedInto === undefined ? {} : { mergedInto: customer.mergedInto }), absorbed: [...customer.absorbed] },
    valueSegment: {
      segment: customer.segment,
      ...(change === undefined
        ? {}
        : { purchaseCount: change.purchaseCount, averageOrderValue: change.averageOrderValue, windowStart: change.windowStart, windowEnd: change.windowEnd, changedAt: change.changedAt }),
      orders: customer.orders.map(({ orderId, netValue, purchasedAt }) => ({ orderId, netValue: { ...netValue }, purchasedAt })),
    },
    archived: customer.archived !== undefined,
    ...(customer.archived === undefined ? {} : { archivedAt: customer.archived.archivedAt }),
    ...(customer.archived?.reason === undefined ? {} : { archiveReason: customer.archived.reason }),
    revision,
  };
};
