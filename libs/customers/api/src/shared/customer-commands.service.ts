import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult, EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { Clock, CommandRequest } from '@meridian/platform/nest';
import { CLOCK, EVENT_STORE } from '@meridian/platform/nest';
import type { CustomerCommand, SegmentPolicy } from '@meridian/customers/domain';
import { customerDecider, customerStreamId, segmentPolicyDecider, segmentPolicyStreamId } from '@meridian/customers/domain';
import type { LineageOutcome } from './customer-merge.saga';
import { mergeCustomers, unmergeCustomers } from './customer-merge.saga';

export type MergeInput = Readonly<{ survivorId: string; mergedCustomerId: string; reason?: string }>;
export type UnmergeInput = Readonly<{ survivorId: string; unmergedCustomerId: string }>;

/**
 * Runs customer and segment-policy commands through the generic handler: for
 * the HTTP controllers, and for the rest of the customers context (process
 * managers, the import job), which may also build it by hand:
 * `new CustomerCommands(new CommandHandler(store), systemClock, store)`.
 */
@Injectable()
export class CustomerCommands {
  constructor(
    private readonly handler: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** An HTTP command: the time is stamped once, here, and If-Match pins the revision. */
  execute(customerId: string, request: CommandRequest, buildCommand: (now: string) => CustomerCommand): Promise<CommandResult> {
    const now = this.now();
    return this.run(customerId, buildCommand(now), request.context, now, request.pinnedRevision);
  }

  /**
   * A command from inside the context, with its own context (actor, causation,
   * an idempotency key derived from the source event or import row) and its
   * business time: a late delivery does not move the time it records.
   */
  handle(command: CustomerCommand, context: CommandContext, occurredAt: string): Promise<CommandResult> {
    return this.run(command.data.customerId, command, context, occurredAt);
  }

  /** The tenant's segment policy (stream `segment_policy-<tenantId>`); setting the same policy again appends nothing. */
  setSegmentPolicy(request: CommandRequest, policy: SegmentPolicy): Promise<CommandResult> {
    const now = this.now();
    const { tenantId } = request.context;
    return this.handler.handle({
      decider: segmentPolicyDecider,
      streamId: segmentPolicyStreamId(tenantId),
      command: { type: 'SetSegmentPolicy', data: { tenantId, ...policy, setAt: now } },
      context: request.context,
      occurredAt: now,
      ...(request.pinnedRevision === undefined ? {} : { pinnedRevision: request.pinnedRevision }),
    });
  }

  /** Merges `mergedCustomerId` into `survivorId` across both streams (see customer-merge.saga.ts); If-Match pins the survivor. */
  merge(request: CommandRequest, input: MergeInput): Promise<LineageOutcome> {
    return mergeCustomers(this.lineageDeps(), { ...input, ...request, at: this.now() });
  }

  /** Gives `unmergedCustomerId` back its own identity; If-Match pins the survivor. */
  unmerge(request: CommandRequest, input: UnmergeInput): Promise<LineageOutcome> {
    return unmergeCustomers(this.lineageDeps(), { ...input, ...request, at: this.now() });
  }

  private run(customerId: string, command: CustomerCommand, context: CommandContext, occurredAt: string, pinnedRevision?: number) {
    return this.handler.handle({
      decider: customerDecider,
      streamId: customerStreamId(customerId),
      command,
      context,
      occurredAt,
      ...(pinnedRevision === undefined ? {} : { pinnedRevision }),
    });
  }

  private lineageDeps() {
    return { handler: this.handler, store: this.store };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
