import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { Clock, CommandRequest } from '@meridian/platform/nest';
import { CLOCK } from '@meridian/platform/nest';
import type { OrderCommand } from '@meridian/orders/domain';
import { orderDecider, orderStreamId } from '@meridian/orders/domain';

/**
 * Runs order commands through the generic handler: for the HTTP controllers,
 * and for the won-opportunity process manager (which may also build it by
 * hand: `new OrderCommands(new CommandHandler(store), systemClock)`).
 */
@Injectable()
export class OrderCommands {
  constructor(
    private readonly handler: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An HTTP command: the time is stamped once, here, and If-Match pins the revision. */
  execute(orderId: string, request: CommandRequest, buildCommand: (now: string) => OrderCommand): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    return this.handler.handle({
      decider: orderDecider,
      streamId: orderStreamId(orderId),
      command: buildCommand(now),
      context: request.context,
      occurredAt: now,
      ...(request.pinnedRevision === undefined ? {} : { pinnedRevision: request.pinnedRevision }),
    });
  }
}
