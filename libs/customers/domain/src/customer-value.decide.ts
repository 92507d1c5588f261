import type { RecordOrderValue, ReevaluateValueSegment } from './customer-value.commands';
import type { CustomerEvent, CustomerOrderValueRecorded } from './customer.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { RecordedOrderValue, RegisteredCustomer } from './customer.state';
import type { Instant } from './customer.values';
import { requiredText, validInstant, validMoney } from './customer-fields.validate';
import type { SegmentPolicy } from './segment-policy.values';
import { validSegmentPolicy } from './segment-policy.values';
import { classifySegment } from './value-segment.classify';

type Decision = readonly CustomerEvent[];

/**
 * Order values arrive from the orders topic, possibly twice or out of order, so
 * the order stream's revision decides: a value at a revision not newer than the
 * recorded one appends nothing (not even a segment re-judgement: that is what
 * ReevaluateValueSegment is for). The purchase time is the first one recorded
 * for the order, so a later refund never moves a purchase in or out of a window.
 */
export const recordOrderValue = ({ data }: RecordOrderValue, state: RegisteredCustomer): Decision => {
  const orderId = requiredText(data.orderId, 'orderId');
  const netValue = validMoney(data.netValue, 'netValue');
  if (!Number.isInteger(data.orderRevision) || data.orderRevision < 0) {
    throw violation(CustomerRuleCodes.invalidField, 'orderRevision must be a whole number, zero or more', {
      field: 'orderRevision', value: data.orderRevision,
    });
  }
  const purchasedAt = validInstant(data.purchasedAt, 'purchasedAt');
  const policy = validSegmentPolicy(data.policy);
  const asOf = validInstant(data.asOf, 'asOf');
  const known = state.orders.find((order) => order.orderId === orderId);
  if (known !== undefined && data.orderRevision <= known.orderRevision) return [];
  const recorded: CustomerOrderValueRecorded = {
    type: 'CustomerOrderValueRecorded',
    data: {
      customerId: state.customerId, orderId, netValue, purchasedAt: known?.purchasedAt ?? purchasedAt,
      orderRevision: data.orderRevision, recordedAt: data.recordedAt,
    },
  };
  const { customerId: _customerId, recordedAt: _recordedAt, ...order } = recorded.data;
  const orders = [...state.orders.filter((each) => each.orderId !== orderId), order];
  return [recorded, ...segmentChange(state, orders, policy, asOf)];
};

export const reevaluateSegment = ({ data }: ReevaluateValueSegment, state: RegisteredCustomer): Decision =>
  segmentChange(state, state.orders, validSegmentPolicy(data.policy), validInstant(data.asOf, 'asOf'));

/**
 * Payments of different orders travel on different partitions, so they can
 * arrive out of time order. Judging at the latest moment known (the command's,
 * the newest purchase's, the last change's) makes the verdict independent of
 * arrival order and keeps segment changes moving forward in time.
 */
const judgementTime = (state: RegisteredCustomer, orders: readonly RecordedOrderValue[], asOf: Instant): Instant =>
  [asOf, state.segmentChangedAt, ...orders.map((order) => order.purchasedAt)]
    .filter((instant): instant is Instant => instant !== null)
    .reduce((latest, instant) => (Date.parse(instant) > Date.parse(latest) ? instant : latest));

/** A CustomerValueSegmentChanged when the segment at the judgement time differs from the last one judged; the change happens then. */
const segmentChange = (
  state: RegisteredCustomer,
  orders: readonly RecordedOrderValue[],
  policy: SegmentPolicy,
  requestedAsOf: Instant,
): Decision => {
  const asOf = judgementTime(state, orders, requestedAsOf);
  const classification = classifySegment(orders, policy, asOf);
  if (classification.segment === state.segment) return [];
  return [
    {
      type: 'CustomerValueSegmentChanged',
      data: { customerId: state.customerId, previousSegment: state.segment, ...classification, changedAt: asOf },
    },
  ];
};
