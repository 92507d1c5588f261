import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { idOf } from '@meridian/platform/eventsourcing';
import { etagOf } from '@meridian/platform/nest';
import type { LineageOutcome } from './customer-merge.saga';

export class StreamRevisionDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 4, description: 'Revision of this customer’s stream after the step' }) revision!: number;
}

/** A merge or unmerge touches two streams: both revisions, and the later of the two positions. */
export class LineageChangedDto {
  @ApiProperty({ type: StreamRevisionDto, description: 'The survivor; its revision is also the ETag' }) survivor!: StreamRevisionDto;
  @ApiProperty({ type: StreamRevisionDto, description: 'The merged (or unmerged) customer' }) absorbed!: StreamRevisionDto;
  @ApiProperty({ example: 1042, description: 'Global position of the last event of both steps; pass as X-Min-Position' }) position!: number;
  @ApiProperty({ description: 'True when an Idempotency-Key retry returned the first result and appended nothing' }) replayed!: boolean;
}

const revisionOf = (result: CommandResult): StreamRevisionDto => ({ customerId: idOf(result.streamId), revision: result.revision });

export const lineageChanged = (reply: FastifyReply, { survivor, absorbed }: LineageOutcome): LineageChangedDto => {
  const replayed = survivor.replayed && absorbed.replayed;
  void reply.header('ETag', etagOf(survivor.revision));
  if (replayed) void reply.header('Idempotent-Replayed', 'true');
  return { survivor: revisionOf(survivor), absorbed: revisionOf(absorbed), position: Math.max(survivor.position, absorbed.position), replayed };
};
