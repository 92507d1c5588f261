import { ApiProperty } from '@nestjs/swagger';
import type { SegmentPolicy } from '@meridian/customers/domain';
import type { CustomerSegment, SegmentDistribution } from '@meridian/read-models/customer-list';
import { customerSegments } from '@meridian/read-models/customer-list';
import { CustomerMoneyView } from '../shared/money.view';

/** What each segment means under the tenant's policy (design: Value segments). */
export const segmentMeanings: Readonly<Record<CustomerSegment, string>> = {
  A: 'No purchase in the window',
  B: 'Low value, low frequency',
  C: 'High value, low frequency',
  D: 'Low value, high frequency',
  E: 'High value, high frequency',
};

export class SegmentCountView {
  @ApiProperty({ enum: customerSegments }) segment!: string;
  @ApiProperty() meaning!: string;
  @ApiProperty({ description: 'Active customers in the segment (merged-away ones count with their survivor)' }) customers!: number;
}

export class SegmentPolicyFiguresView {
  @ApiProperty({ example: 365, description: 'Purchases of the last windowDays days count' }) windowDays!: number;
  @ApiProperty({ example: 'EUR', description: 'Only orders in this currency count' }) currency!: string;
  @ApiProperty({ type: CustomerMoneyView, description: 'An average order value at or above this is high value' }) highAverageOrderValue!: CustomerMoneyView;
  @ApiProperty({ example: 4, description: 'This many purchases or more is high frequency' }) highPurchaseCount!: number;
}

export class SegmentDistributionView {
  @ApiProperty({ type: [SegmentCountView], description: 'A to E, every segment present (zero included)' }) segments!: SegmentCountView[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: SegmentPolicyFiguresView,
    description: 'The policy in force now. Segments are judged when payments arrive and by the sweep, so after a policy change run POST /customers/segments/reevaluate',
  })
  policy!: SegmentPolicyFiguresView;
}

export const toSegmentDistributionView = (distribution: SegmentDistribution, policy: SegmentPolicy): SegmentDistributionView => ({
  segments: customerSegments.map((segment) => ({ segment, meaning: segmentMeanings[segment], customers: distribution.segments[segment] })),
  total: distribution.total,
  policy: {
    windowDays: policy.windowDays,
    currency: policy.currency,
    highAverageOrderValue: { ...policy.highAverageOrderValue },
    highPurchaseCount: policy.highPurchaseCount,
  },
});
