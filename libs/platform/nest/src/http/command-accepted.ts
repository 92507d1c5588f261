import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';

/** Where a command's events landed: what every command answer reports after the id of the stream it wrote. */
export type CommandAcceptedBase = { revision: number; position: number; replayed: boolean };

/**
 * The documented body of a context's command answer: `idName` (a UUID) first,
 * then revision, position and replayed. A factory rather than a base class so
 * the id stays the first property of the OpenAPI schema (Swagger lists a base
 * class's properties before a subclass's). Each context subclasses it under
 * its own name, which is the schema's name:
 * `class OrderCommandAcceptedDto extends CommandAcceptedType('orderId') {}`.
 */
export const CommandAcceptedType = <IdName extends string>(idName: IdName) => {
  class StreamId {}
  ApiProperty({ type: String, format: 'uuid' })(StreamId.prototype, idName);

  class CommandAccepted extends StreamId implements CommandAcceptedBase {
    @ApiProperty({ description: 'Stream revision after the command; also sent as `ETag: W/"<revision>"`', example: 3 })
    revision!: number;

    @ApiProperty({ description: 'Global position of the last event; pass as X-Min-Position to read your own write', example: 1042 })
    position!: number;

    @ApiProperty({ description: 'True when an Idempotency-Key retry returned the first result and appended nothing' })
    replayed!: boolean;
  }
  return CommandAccepted as new () => CommandAcceptedBase & Record<IdName, string>;
};

/** A stream revision as an ETag; If-Match takes it back (see `parseCommandRequest`). */
export const etagOf = (revision: number): string => `W/"${revision}"`;

/** Sets ETag (and Idempotent-Replayed on a retry) and returns the fields every command answer carries. */
export const commandAccepted = (reply: FastifyReply, result: CommandResult): CommandAcceptedBase => {
  void reply.header('ETag', etagOf(result.revision));
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return { revision: result.revision, position: result.position, replayed: result.replayed };
};
