import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsInstant } from '@meridian/platform/nest';

export class ReevaluateSegmentsDto {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', format: 'date-time', description: 'The instant to judge at; default now. Not in the future.' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsInstant()
  asOf?: string;
}

export class SegmentSweepView {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: 'Customers judged again (every active customer who ever bought, A included)' }) reevaluated!: number;
  @ApiProperty({ description: 'Of those, how many changed segment' }) changed!: number;
  @ApiProperty({ description: 'Merged away or gone since the list was read' }) skipped!: number;
  @ApiProperty({ description: 'Pass as X-Min-Position to read the new segments' }) position!: number;
}
