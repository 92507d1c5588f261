import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ValidationArguments } from 'class-validator';
import { ValidateBy, ValidateIf } from 'class-validator';
import { isInstant } from '@meridian/customers/domain';

export class ReevaluateSegmentsDto {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', format: 'date-time', description: 'The instant to judge at; default now. Not in the future.' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @ValidateBy({
    name: 'isInstant',
    validator: { validate: (value: unknown) => isInstant(value), defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'asOf'} must be an RFC 3339 instant with an offset` },
  })
  asOf?: string;
}

export class SegmentSweepView {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: 'Customers judged again (every active customer who ever bought, A included)' }) reevaluated!: number;
  @ApiProperty({ description: 'Of those, how many changed segment' }) changed!: number;
  @ApiProperty({ description: 'Merged away or gone since the list was read' }) skipped!: number;
  @ApiProperty({ description: 'Pass as X-Min-Position to read the new segments' }) position!: number;
}
