import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { Projection } from '@meridian/platform/projections';
import type { ContractMoney, OrderContractEvent } from '@meridian/orders/contracts';
import { orderContractEventOf } from '@meridian/orders/contracts';

export const orderListReadModel = 'order-list';

/** The statuses GET /orders/{id} reports: `placed` or `drafted` until confirmed; `cancelled` is final. */
export const orderListStatuses = ['placed', 'drafted', 'confirmed', 'cancelled'] as const;
export type OrderListStatus = (typeof orderListStatuses)[number];

/**
 * One row of a tenant's order list. Amounts are major units of `currency`
 * (as on GET /orders/{id}): `paid` every payment, refunds not deducted;
 * `netPaid` = paid − refunded; `outstanding` = total − paid (refunds do not
 * reopen the balance). `placedAt` is when it was placed or drafted (GET's
 * `createdAt`), `updatedAt` the instant of the last event; both UTC.
 */
export type OrderListItem = Readonly<{
  tenantId: string;
  orderId: string;
  customerId: string;
  opportunityId: string | null;
  status: OrderListStatus;
  origin: 'placed' | 'drafted';
  currency: string;
  total: number;
  paid: number;
  refunded: number;
  netPaid: number;
  outstanding: number;
  placedAt: string;
  updatedAt: string;
  streamRevision: number;
  lastPosition: number;
}>;

/** An event whose `ce_type` this read model does not know (e.g. a newer version): dead-lettered, to replay once supported. */
export class UnknownOrderEvent extends Error {
  override readonly name = 'UnknownOrderEvent';
}

const knownOf = (event: ConsumedEvent): OrderContractEvent => {
  const known = orderContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownOrderEvent(`order-list does not know ${event.type}`);
  return known;
};

/** Sums happen in hundredths, so 500 − 120.5 is exactly 379.5. */
const minorOf = (amount: number): number => Math.round(amount * 100);
const majorOf = (minor: number): number => minor / 100;

/** Instants compare as text only in one form: `2026-03-01T10:00:00+01:00` becomes `2026-03-01T09:00:00.000Z`. */
const utc = (instant: string): string => new Date(instant).toISOString();

/** The running totals, derived from the absolute figures the events carry (never added up here). */
const amounts = (total: number, paid: number, refunded: number) => ({
  total: majorOf(minorOf(total)),
  paid: majorOf(minorOf(paid)),
  refunded: majorOf(minorOf(refunded)),
  netPaid: majorOf(minorOf(paid) - minorOf(refunded)),
  outstanding: majorOf(minorOf(total) - minorOf(paid)),
});

const changed = (item: OrderListItem, event: ConsumedEvent, at: string, fields: Partial<OrderListItem>): OrderListItem => ({
  ...item,
  ...fields,
  updatedAt: utc(at),
  streamRevision: event.streamRevision,
  lastPosition: event.globalPosition,
});

type Creation = Readonly<{ orderId: string; customerId: string; total: ContractMoney; currency: string; opportunityId?: string }>;

const created = (event: ConsumedEvent, p: Creation, origin: OrderListItem['origin'], at: string): OrderListItem => ({
  tenantId: event.tenantId, orderId: p.orderId, customerId: p.customerId, opportunityId: p.opportunityId ?? null, status: origin, origin,
  currency: p.currency, ...amounts(p.total.amount, 0, 0), placedAt: utc(at), updatedAt: utc(at),
  streamRevision: event.streamRevision, lastPosition: event.globalPosition,
});

/**
 * Pure: `(item | null, event) → item | null`. Only placing or drafting says
 * what was ordered, so events of an order whose first event was never seen
 * here (dead-lettered upstream) leave no document.
 */
export const evolveOrderListItem = (item: OrderListItem | null, event: ConsumedEvent): OrderListItem | null => {
  const known = knownOf(event);
  if (known.type === 'OrderPlaced') return created(event, known.payload, 'placed', known.payload.placedAt);
  if (known.type === 'OrderDraftedFromOpportunity') return created(event, known.payload, 'drafted', known.payload.draftedAt);
  if (item === null) return null;
  switch (known.type) {
    case 'OrderConfirmed':
      return changed(item, event, known.payload.confirmedAt, { status: 'confirmed', ...amounts(known.payload.total.amount, item.paid, item.refunded) });
    case 'PaymentReceived':
      return changed(item, event, known.payload.receivedAt, amounts(item.total, known.payload.paidToDate.amount, item.refunded));
    case 'OrderRefunded':
      return changed(item, event, known.payload.refundedAt, amounts(item.total, item.paid, known.payload.refundedToDate.amount));
    case 'OrderCancelled':
      return changed(item, event, known.payload.cancelledAt, { status: 'cancelled' });
    default: {
      const unreachable: never = known;
      throw new UnknownOrderEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};

/** One document per order stream; the stream id is unique across tenants. */
export const orderListProjection: Projection<OrderListItem> = {
  readModel: orderListReadModel,
  documentIdOf: (event) => (event.streamId.startsWith('order-') ? event.streamId : undefined),
  evolve: evolveOrderListItem,
};
