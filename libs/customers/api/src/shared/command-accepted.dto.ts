import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { idOf } from '@meridian/platform/eventsourcing';

export class CustomerCommandAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ description: 'Stream revision after the command; also sent as `ETag: W/"<revision>"`', example: 3 })
  revision!: number;

  @ApiProperty({ description: 'Global position of the last event; pass as X-Min-Position to read your own write', example: 1042 })
  position!: number;

  @ApiProperty({ description: 'True when an Idempotency-Key retry returned the first result and appended nothing' })
  replayed!: boolean;
}

export const etagOf = (revision: number): string => `W/"${revision}"`;

/** Sets ETag (and Idempotent-Replayed on a retry) and returns the body every customer command answers with. */
export const accepted = (reply: FastifyReply, result: CommandResult): CustomerCommandAcceptedDto => {
  void reply.header('ETag', etagOf(result.revision));
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return { customerId: idOf(result.streamId), revision: result.revision, position: result.position, replayed: result.replayed };
};
