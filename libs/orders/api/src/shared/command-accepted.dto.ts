import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { idOf } from '@meridian/platform/eventsourcing';
import { CommandAcceptedType, commandAccepted } from '@meridian/platform/nest';

export class OrderCommandAcceptedDto extends CommandAcceptedType('orderId') {}

/** Sets ETag (and Idempotent-Replayed on a retry) and returns the body every order command answers with. */
export const accepted = (reply: FastifyReply, result: CommandResult): OrderCommandAcceptedDto => ({
  orderId: idOf(result.streamId),
  ...commandAccepted(reply, result),
});
