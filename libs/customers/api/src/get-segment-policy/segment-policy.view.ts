import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SegmentPolicyState } from '@meridian/customers/domain';
import { currentSegmentPolicy } from '@meridian/customers/domain';
import { ThresholdMoneyDto } from '../set-segment-policy/set-segment-policy.dto';

export class SegmentPolicyFieldsView {
  @ApiProperty({ example: 365 }) windowDays!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: ThresholdMoneyDto }) highAverageOrderValue!: ThresholdMoneyDto;
  @ApiProperty({ example: 4 }) highPurchaseCount!: number;
}

export class SegmentPolicyView {
  @ApiProperty({ type: SegmentPolicyFieldsView }) policy!: SegmentPolicyFieldsView;
  @ApiProperty({ enum: ['tenant', 'default'], description: '`default` until the tenant sets a policy' }) source!: 'tenant' | 'default';
  @ApiPropertyOptional({ format: 'date-time' }) setAt?: string;
  @ApiPropertyOptional({ description: 'Revision of the policy stream (also the ETag); absent for the default' }) revision?: number;
}

export const toSegmentPolicyView = (state: SegmentPolicyState, revision: number | undefined): SegmentPolicyView => {
  const { windowDays, currency, highAverageOrderValue, highPurchaseCount } = currentSegmentPolicy(state);
  const policy = { windowDays, currency, highAverageOrderValue: { ...highAverageOrderValue }, highPurchaseCount };
  return state.status === 'set' && revision !== undefined
    ? { policy, source: 'tenant', setAt: state.setAt, revision }
    : { policy, source: 'default' };
};
