import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsInstant, IsOmittable, IsReference, IsText } from '@meridian/platform/nest';
import type { InteractionKind } from '@meridian/customers/domain';
import { interactionKinds } from '@meridian/customers/domain';

export class RecordInteractionDto {
  @ApiPropertyOptional({ example: 'call-2026-03-04-ana', description: 'A second record with the same id appends nothing; derived from Idempotency-Key, else random, when left out' })
  @IsOmittable()
  @IsReference()
  interactionId?: string;

  @ApiProperty({ enum: interactionKinds })
  @IsIn(interactionKinds)
  kind!: InteractionKind;

  @ApiProperty({ example: '2026-03-04T14:30:00Z', format: 'date-time', description: 'When it happened (may be in the past)' })
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ example: 'Discussed the renewal; wants a demo of the reporting module', maxLength: 2000 })
  @IsText(2000)
  summary!: string;

  @ApiPropertyOptional({ example: 'jane-doe', description: 'A current contact of the customer, when it was with one' })
  @IsOmittable()
  @IsReference()
  contactId?: string;
}

export class InteractionAcceptedDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() interactionId!: string;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ example: 1042 }) position!: number;
  @ApiProperty() replayed!: boolean;
}
