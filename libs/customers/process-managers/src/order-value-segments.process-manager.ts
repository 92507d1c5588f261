import type { CommandContext, CommandHandler, EventStore } from '@meridian/platform/eventsourcing';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ProcessManager } from '@meridian/platform/projections';
import { orderContractEventOf, ordersTopic } from '@meridian/orders/contracts';
import type { RecordOrderValue } from '@meridian/customers/domain';
import { CustomerRuleCodes, customerDecider, customerStreamId } from '@meridian/customers/domain';
import { segmentPolicyOf } from './segment-policy.lookup';

export const orderValueSegmentsName = 'order-value-segments';
export const orderValueSegmentsActor = `process-manager:${orderValueSegmentsName}`;

/** Merges can chain (A into B, later B into C); a longer chain than this is a loop, not a lineage. */
const maxRedirects = 5;

type OrderValue = Readonly<{ orderId: string; customerId: string; netPaid: Readonly<{ amount: number; currency: string }>; at: string }>;

/** Payments and refunds change what an order is worth; both carry its absolute net value, so no state is needed here. */
const orderValueOf = (event: ConsumedEvent): OrderValue | undefined => {
  const known = orderContractEventOf(event.type, event.payload);
  if (known?.type === 'PaymentReceived') return { ...known.payload, at: known.payload.receivedAt };
  if (known?.type === 'OrderRefunded') return { ...known.payload, at: known.payload.refundedAt };
  return undefined;
};

const survivorOf = (error: unknown): string | undefined =>
  error instanceof BusinessRuleViolation && error.code === CustomerRuleCodes.merged && typeof error.details.survivorId === 'string'
    ? error.details.survivorId
    : undefined;

/**
 * Order value → customer value segment. Every payment or refund records the
 * order's net value on its customer, judged under the tenant's policy at the
 * event's time; the customer emits CustomerValueSegmentChanged when the
 * segment moves. Idempotent: the customer ignores a value at an order revision
 * it already has. A customer merged away records on its survivor.
 */
export const orderValueSegments = (handler: CommandHandler, store: EventStore): ProcessManager => ({
  name: orderValueSegmentsName,
  topics: [ordersTopic],
  react: async (event) => {
    const value = orderValueOf(event);
    if (value === undefined) return 'ignored';
    const policy = await segmentPolicyOf(store, event.tenantId);
    const context: CommandContext = {
      tenantId: event.tenantId,
      actorId: orderValueSegmentsActor,
      correlationId: event.correlationId,
      causationId: event.eventId,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    };
    let customerId = value.customerId;
    for (let hop = 0; ; hop++) {
      const command: RecordOrderValue = {
        type: 'RecordOrderValue',
        data: {
          customerId, orderId: value.orderId, netValue: value.netPaid, purchasedAt: value.at,
          orderRevision: event.streamRevision, recordedAt: value.at, policy, asOf: value.at,
        },
      };
      try {
        await handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: value.at });
        return 'reacted';
      } catch (error) {
        const survivor = survivorOf(error);
        if (survivor === undefined || hop >= maxRedirects) throw error;
        customerId = survivor;
      }
    }
  },
});
