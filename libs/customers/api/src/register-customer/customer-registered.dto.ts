import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerCommandAcceptedDto } from '../shared/command-accepted.dto';

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ example: 'ACME Analytics GmbH' })
  name!: string;

  @ApiProperty({ enum: ['strong', 'likely'], description: '`strong`: a shared email or phone. `likely`: a similar company name in the same region' })
  strength!: 'strong' | 'likely';

  @ApiProperty({ enum: ['email', 'phone', 'similar-name'], isArray: true })
  reasons!: string[];

  @ApiProperty({ example: 0.93, description: 'Jaro–Winkler similarity of the folded names' })
  nameSimilarity!: number;
}

export class CustomerRegisteredDto extends CustomerCommandAcceptedDto {
  @ApiProperty({
    enum: ['completed', 'unavailable'],
    description: '`unavailable` when this service has no customer directory (read side) or it could not be read: nothing was checked',
  })
  duplicateCheck!: 'completed' | 'unavailable';

  @ApiPropertyOptional({
    type: [PossibleDuplicateDto],
    description: 'When the check completed: customers that may be this one, strong first. The directory is eventually consistent, so a customer registered a moment ago may be missing',
  })
  possibleDuplicates?: PossibleDuplicateDto[];
}
