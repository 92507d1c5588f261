import type { CommandContext, CommandHandler, EventStore } from '@meridian/platform/eventsourcing';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ReevaluateValueSegment } from '@meridian/customers/domain';
import { CustomerRuleCodes, customerDecider, customerStreamId } from '@meridian/customers/domain';
import { segmentPolicyOf } from './segment-policy.lookup';

export type SegmentSweepResult = Readonly<{ reevaluated: number; changed: number; skipped: number }>;

export type SegmentSweepRequest = Readonly<{
  tenantId: string;
  /** Customers that bought in the past: one who never did stays in A whatever the date. */
  customerIds: readonly string[];
  asOf: string;
  actorId: string;
  correlationId: string;
  onProgress?: (done: number, total: number) => void;
}>;

const skippable = new Set<string>([CustomerRuleCodes.merged, 'not-found']);

/**
 * Time alone moves segments: an order leaves the window, a policy changes.
 * The sweep judges each customer again at `asOf` under the tenant's current
 * policy; only a changed segment appends (CustomerValueSegmentChanged), so
 * running it twice changes nothing the second time.
 */
export const reevaluateValueSegments = async (handler: CommandHandler, store: EventStore, request: SegmentSweepRequest): Promise<SegmentSweepResult> => {
  const policy = await segmentPolicyOf(store, request.tenantId);
  const context: CommandContext = { tenantId: request.tenantId, actorId: request.actorId, correlationId: request.correlationId, causationId: request.correlationId };
  let changed = 0;
  let skipped = 0;
  for (const [index, customerId] of request.customerIds.entries()) {
    const command: ReevaluateValueSegment = { type: 'ReevaluateValueSegment', data: { customerId, policy, asOf: request.asOf } };
    try {
      const result = await handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: request.asOf });
      if (result.appended.length > 0) changed++;
    } catch (error) {
      // Merged away or gone since the list was read: nothing to judge.
      if (!(error instanceof BusinessRuleViolation && skippable.has(error.code))) throw error;
      skipped++;
    }
    request.onProgress?.(index + 1, request.customerIds.length);
  }
  return { reevaluated: request.customerIds.length - skipped, changed, skipped };
};
