import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { idOf } from '@meridian/platform/eventsourcing';
import { CommandAcceptedType, commandAccepted } from '@meridian/platform/nest';

export class CustomerCommandAcceptedDto extends CommandAcceptedType('customerId') {}

/** Sets ETag (and Idempotent-Replayed on a retry) and returns the body every customer command answers with. */
export const accepted = (reply: FastifyReply, result: CommandResult): CustomerCommandAcceptedDto => ({
  customerId: idOf(result.streamId),
  ...commandAccepted(reply, result),
});
