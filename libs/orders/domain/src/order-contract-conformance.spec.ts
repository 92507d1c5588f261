import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import { contractPaymentMethods, contractValidatorOptions, orderContractTypes, orderContracts } from '@meridian/orders/contracts';
import type { OrderCommand } from './order.commands';
import { orderDecider } from './order.decider';
import type { OrderEvent } from './order.events';
import { orderEventTypes } from './order.events';
import { paymentMethods } from './order.values';
import { draftOrderFromWonOpportunity, wonOpportunityOrderId } from './won-opportunity-draft.mapping';
import type { SameShape } from '@meridian/platform/eventsourcing/testing';
import { playCommands } from '@meridian/platform/eventsourcing/testing';

// Compile-time half: every domain event's data and its public payload have the same shape (SameShape).
type DataOf<TType extends OrderEvent['type']> = Extract<OrderEvent, { type: TType }>['data'];
type Conformance = { [TType in OrderEvent['type']]: SameShape<DataOf<TType>, OrderContractPayloads[TType]> };
const payloadsConform: Conformance = {
  OrderPlaced: true,
  OrderDraftedFromOpportunity: true,
  OrderConfirmed: true,
  PaymentReceived: true,
  OrderRefunded: true,
  OrderCancelled: true,
};
const sameEventTypes: SameShape<OrderEvent['type'], OrderContractType> = true;

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);

const play = (commands: readonly OrderCommand[]): OrderEvent[] => playCommands(orderDecider, commands);

const orderId = '9c0b3f4e-2d71-4c9a-8e55-0f6b2a1d7e90';
const on = (day: number, time = '10:00:00.000Z'): string => `2026-04-${String(day).padStart(2, '0')}T${time}`;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** An order's life: placed, confirmed, paid in parts, partly then wholly refunded, cancelled. */
const lifeOfAnOrder: OrderCommand[] = [
  {
    type: 'PlaceOrder',
    data: {
      orderId, customerId: 'cust-0042', currency: 'EUR', opportunityId: 'opp-1', placedAt: on(1),
      lines: [
        { lineId: 'l1', productId: 'sku-van-tracker', description: 'Van tracker', quantity: 120, unitPrice: eur(19.99) },
        { lineId: 'l2', productId: 'sku-setup', description: 'Setup (waived)', quantity: 1, unitPrice: eur(0) },
      ],
    },
  },
  { type: 'ConfirmOrder', data: { orderId, confirmedAt: on(2) } },
  { type: 'RecordPayment', data: { orderId, paymentId: 'pay-1', amount: eur(1000.1), method: 'transfer', receivedAt: on(3, '09:00:00+02:00') } },
  { type: 'RecordPayment', data: { orderId, paymentId: 'pay-1', amount: eur(1000.1), method: 'transfer', receivedAt: on(3) } },
  { type: 'RecordPayment', data: { orderId, paymentId: 'pay-2', amount: eur(1398.7), method: 'card', receivedAt: on(4) } },
  { type: 'RefundOrder', data: { orderId, refundId: 'ref-1', amount: eur(0.29), reason: 'Rounding goodwill', refundedAt: on(5) } },
  { type: 'RefundOrder', data: { orderId, refundId: 'ref-2', amount: eur(2398.51), reason: 'Contract rescinded', refundedAt: on(6) } },
  { type: 'CancelOrder', data: { orderId, reason: 'Contract rescinded', cancelledAt: on(6, '11:00:00.000Z') } },
];

const drafting = draftOrderFromWonOpportunity(
  { opportunityId: 'opp-2', customerId: 'cust-0042', name: 'Northwind fleet telematics', productLine: 'telematics' },
  { finalAmount: eur(44000.1), wonAt: on(7) },
  wonOpportunityOrderId('acme', 'opp-2'),
);

describe('domain events conform to the public contracts', () => {
  const events = [...play(lifeOfAnOrder), ...play([drafting, drafting])];

  it('agrees with the contracts on event types and value sets', () => {
    expect(Object.values(payloadsConform).every(Boolean) && sameEventTypes).toBe(true);
    expect([...orderEventTypes].sort()).toEqual([...orderContractTypes].sort());
    expect(paymentMethods).toEqual(contractPaymentMethods);
  });

  it('produces every event type at least once, so every contract is exercised', () => {
    expect(events).toHaveLength(8);
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(orderContractTypes));
  });

  it('produces payloads that survive JSON unchanged and pass their v1 schema', () => {
    for (const event of events) {
      const onTheWire: unknown = JSON.parse(JSON.stringify(event.data));
      expect(onTheWire).toStrictEqual(event.data);
      const validate = ajv.getSchema(orderContracts[event.type].schema.$id) ?? ajv.compile(orderContracts[event.type].schema);
      const valid = validate(onTheWire);
      expect({ type: event.type, errors: validate.errors ?? null, valid }).toEqual({ type: event.type, errors: null, valid: true });
    }
  });
});
