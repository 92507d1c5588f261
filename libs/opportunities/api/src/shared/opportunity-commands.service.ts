import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { Clock, CommandRequest } from '@meridian/platform/nest';
import { CLOCK } from '@meridian/platform/nest';
import type { OpportunityCommand } from '@meridian/opportunities/domain';
import { opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';

/** Runs one opportunity command through the generic handler, stamping the time once. */
@Injectable()
export class OpportunityCommands {
  constructor(
    private readonly handler: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(
    opportunityId: string,
    request: CommandRequest,
    buildCommand: (now: string) => OpportunityCommand,
  ): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    return this.handler.handle({
      decider: opportunityDecider,
      streamId: opportunityStreamId(opportunityId),
      command: buildCommand(now),
      context: request.context,
      occurredAt: now,
      ...(request.pinnedRevision === undefined ? {} : { pinnedRevision: request.pinnedRevision }),
    });
  }
}
