import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { DraftOrderFromOpportunity, OrderCommand, OrderLineInput, PlaceOrder } from './order.commands';
import { decide, orderDecider, orderStreamId } from './order.decider';
import { OrderRuleCodes as Codes } from './order.rules';
import { initialOrderState } from './order.state';
import { cancelled, confirmed, drafted, eur, orderId, paymentReceived, placeOrder, placed, streamId } from './testing/order.fixtures';

const spec = DeciderSpecification.for(orderDecider);
const at = '2026-04-02T09:00:00.000Z';
const line = (overrides: Partial<OrderLineInput> = {}): OrderLineInput => ({
  lineId: 'line-1', productId: 'sku-desk', description: 'Standing desk', quantity: 1, unitPrice: eur(100), ...overrides,
});
const place = (data: Partial<PlaceOrder['data']>): PlaceOrder => ({ type: 'PlaceOrder', data: { ...placeOrder.data, ...data } });
const draft = (data: Partial<DraftOrderFromOpportunity['data']> = {}): DraftOrderFromOpportunity => {
  const { total: _total, ...fromEvent } = drafted.data;
  return { type: 'DraftOrderFromOpportunity', data: { ...fromEvent, ...data } };
};

const thrownBy = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the action to throw');
};

describe('order stream id', () => {
  it('is order-<id>', () => {
    expect(orderStreamId(orderId)).toBe(streamId);
  });
});

describe('PlaceOrder', () => {
  it('places the order with its total summed exactly in minor units', () => {
    spec.given([]).when(placeOrder).then([placed]);
  });

  it('copies only the agreed fields into the event, texts trimmed', () => {
    const sloppy = { ...line({ productId: ' sku-desk ', description: ' Standing desk\n' }), discount: 5, unitPrice: { ...eur(100), rate: 1 } };
    const [event] = decide({ ...place({ lines: [sloppy] }), extra: true } as PlaceOrder, initialOrderState);
    expect(event.data).toMatchObject({ lines: [line()], total: eur(100) });
    expect(Object.keys((event.data as { lines: readonly object[] }).lines[0]).sort()).toEqual(['description', 'lineId', 'productId', 'quantity', 'unitPrice']);
  });

  it('records the opportunity it closes, when one is named, and leaves a blank one out', () => {
    const [withDeal] = decide(place({ opportunityId: 'opp-7f3c' }), initialOrderState);
    expect(withDeal.data).toHaveProperty('opportunityId', 'opp-7f3c');
    const [blank] = decide(place({ opportunityId: '  ' }), initialOrderState);
    expect(blank.data).not.toHaveProperty('opportunityId');
  });

  it('allows free lines as long as the order totals more than zero', () => {
    const [event] = decide(place({ lines: [line(), line({ lineId: 'gift', unitPrice: eur(0) })] }), initialOrderState);
    expect(event.data).toHaveProperty('total', eur(100));
  });

  it.each([
    ['a placed', [placed]],
    ['a drafted', [drafted]],
  ] as const)('refuses to place %s order again', (_kind, history) => {
    spec.given(history).when(placeOrder).thenRejects(Codes.orderExists);
  });

  it('refuses an order without lines', () => {
    spec.given([]).when(place({ lines: [] })).thenRejects(Codes.emptyOrder);
  });

  it.each(['eur', 'EURO', ''])('refuses an order currency of %p', (currency) => {
    spec.given([]).when(place({ currency, lines: [line({ unitPrice: { amount: 1, currency } })] })).thenRejects(Codes.invalidCurrency);
  });

  it('refuses a line priced in another currency than the order', () => {
    const lines = [line(), line({ lineId: 'line-2', unitPrice: { amount: 5, currency: 'USD' } })];
    spec.given([]).when(place({ lines })).thenRejects(Codes.currencyMismatch);
  });

  it.each([-0.01, 10.001, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000])('refuses a unit price of %p', (amount) => {
    spec.given([]).when(place({ lines: [line({ unitPrice: eur(amount) })] })).thenRejects(Codes.invalidAmount);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('refuses a quantity of %p', (quantity) => {
    spec.given([]).when(place({ lines: [line({ quantity })] })).thenRejects(Codes.invalidQuantity);
  });

  it.each(['lineId', 'productId', 'description'] as const)('refuses a line with a blank %s', (field) => {
    spec.given([]).when(place({ lines: [line({ [field]: ' \t' })] })).thenRejects(Codes.invalidLine);
  });

  it('refuses two lines with the same id', () => {
    spec.given([]).when(place({ lines: [line(), line({ productId: 'sku-chair' })] })).thenRejects(Codes.duplicateLineId);
  });

  it('refuses an order that totals zero', () => {
    spec.given([]).when(place({ lines: [line({ unitPrice: eur(0) })] })).thenRejects(Codes.totalNotPositive);
  });

  it('refuses a total above the contract cap, even when every line is within it', () => {
    const lines = [line({ unitPrice: eur(999_999_999.99) }), line({ lineId: 'line-2', unitPrice: eur(0.01) })];
    spec.given([]).when(place({ lines })).thenRejects(Codes.totalTooLarge);
    spec.given([]).when(place({ lines: [line({ quantity: 2, unitPrice: eur(500_000_000) })] })).thenRejects(Codes.totalTooLarge);
  });

  it('accepts a total of exactly the cap', () => {
    const [event] = decide(place({ lines: [line({ quantity: 3, unitPrice: eur(333_333_333.33) })] }), initialOrderState);
    expect(event.data).toHaveProperty('total', eur(999_999_999.99));
  });
});

describe('DraftOrderFromOpportunity', () => {
  it('drafts the order with its total', () => {
    spec.given([]).when(draft()).then([drafted]);
  });

  it.each([
    ['placed', [placed]],
    ['drafted', [drafted]],
    ['confirmed', [drafted, confirmed(drafted.data.total)]],
    ['paid', [drafted, confirmed(drafted.data.total), paymentReceived('pay-1', 100, 100, 12400.5)]],
    ['cancelled', [drafted, cancelled()]],
  ] as const)('changes nothing on an order that is already %s, even with other content', (_state, history) => {
    spec.given(history).when(draft()).thenNothingHappens();
    spec.given(history).when(draft({ lines: [line({ unitPrice: eur(1) })], currency: 'EUR', draftedAt: at })).thenNothingHappens();
  });

  it('still applies the order rules to a new draft', () => {
    spec.given([]).when(draft({ lines: [line({ unitPrice: eur(0) })] })).thenRejects(Codes.totalNotPositive);
    spec.given([]).when(draft({ currency: 'USD' })).thenRejects(Codes.currencyMismatch);
    spec.given([]).when(draft({ lines: [] })).thenRejects(Codes.emptyOrder);
  });
});

describe('ConfirmOrder', () => {
  const confirm: OrderCommand = { type: 'ConfirmOrder', data: { orderId, confirmedAt: '2026-04-02T09:00:00.000Z' } };

  it('confirms a placed order, stating its total', () => {
    spec.given([placed]).when(confirm).then([confirmed()]);
  });

  it('confirms a drafted order', () => {
    spec.given([drafted]).when(confirm).then([confirmed(drafted.data.total)]);
  });

  it.each([
    ['confirmed', [placed, confirmed()]],
    ['cancelled', [placed, cancelled()]],
  ] as const)('refuses to confirm a %s order', (_state, history) => {
    spec.given(history).when(confirm).thenRejects(Codes.notConfirmable);
  });
});

describe('any command on a missing order', () => {
  const commands: OrderCommand[] = [
    { type: 'ConfirmOrder', data: { orderId, confirmedAt: at } },
    { type: 'RecordPayment', data: { orderId, paymentId: 'pay-1', amount: eur(1), method: 'card', receivedAt: at } },
    { type: 'RefundOrder', data: { orderId, refundId: 'ref-1', amount: eur(1), reason: 'x', refundedAt: at } },
    { type: 'CancelOrder', data: { orderId, reason: 'x', cancelledAt: at } },
  ];

  it.each(commands.map((command) => [command.type, command] as const))('%s is refused as not found', (_type, command) => {
    spec.given([]).when(command).thenRejects('not-found');
    const error = thrownBy(() => decide(command, initialOrderState));
    expect(error).toBeInstanceOf(AggregateNotFound);
    expect((error as AggregateNotFound).streamId).toBe(streamId);
  });
});
