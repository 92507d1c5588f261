import { wonOpportunityOrderId } from '@meridian/orders/domain';
import type { OrdersServiceUnderTest } from './testing/orders-service-fixtures';
import { money, newOrderBody, placeOrder, problemJson, startOrdersService, stopOrdersService, tenantA } from './testing/orders-service-fixtures';

describe('orders-service over HTTP on PostgreSQL', () => {
  let service: OrdersServiceUnderTest;
  const host = () => service.host;
  const post = (path: string, body?: unknown, headers: Record<string, string> = tenantA) => host().request('POST', path, { headers, ...(body === undefined ? {} : { body }) });
  const read = (orderId: string) => host().request('GET', `/api/v1/orders/${orderId}`, { headers: tenantA });
  const streamOf = (orderId: string) => host().store.readStream(`order-${orderId}`);

  beforeAll(async () => {
    service = await startOrdersService();
  });

  afterAll(() => stopOrdersService(service));

  it('takes an order from placed through payments and refunds to cancelled, refusing each broken rule with its code', async () => {
    const placed = await post('/api/v1/orders', newOrderBody(), { ...tenantA, 'x-correlation-id': 'corr-order-walk' });
    expect(placed.status).toBe(201);
    const { orderId } = placed.body as { orderId: string };
    expect(placed.headers.get('location')).toBe(`/api/v1/orders/${orderId}`);
    expect(placed.headers.get('etag')).toBe('W/"0"');
    const base = `/api/v1/orders/${orderId}`;

    expect((await post(`${base}/payments`, { amount: money(10), method: 'card' })).body).toMatchObject({ status: 409, code: 'payment-not-allowed' });
    expect((await post(`${base}/confirmation`)).status).toBe(200);
    expect((await post(`${base}/confirmation`)).body).toMatchObject({ code: 'order-not-confirmable' });

    const part = await post(`${base}/payments`, { paymentId: 'psp-1', amount: money(500), method: 'card' });
    expect([part.status, part.body]).toEqual([200, expect.objectContaining({ orderId, paymentId: 'psp-1', revision: 2 })]);

    const over = await post(`${base}/payments`, { paymentId: 'psp-2', amount: money(259.96), method: 'transfer' });
    expect(over.status).toBe(409);
    expect(over.headers.get('content-type')).toContain(problemJson);
    expect(over.body).toMatchObject({ code: 'overpayment', outstanding: money(259.95) });

    const tooMuchBack = await post(`${base}/refunds`, { amount: money(500.01), reason: 'Desk damaged' });
    expect([tooMuchBack.status, tooMuchBack.body]).toEqual([409, expect.objectContaining({ code: 'refund-exceeds-paid', refundable: money(500) })]);
    expect((await post(`${base}/cancellation`, { reason: 'Changed mind' })).body).toMatchObject({ status: 409, code: 'order-not-cancellable' });

    const back = await post(`${base}/refunds`, { refundId: 'rma-1', amount: money(120.5), reason: 'Desk damaged' });
    expect([back.status, back.body]).toEqual([200, expect.objectContaining({ refundId: 'rma-1', revision: 3 })]);

    const midway = await read(orderId);
    expect(midway.headers.get('etag')).toBe('W/"3"');
    expect(midway.body).toMatchObject({
      orderId, customerId: 'cus-1001', status: 'confirmed', origin: 'placed', currency: 'EUR',
      total: money(759.95), paid: money(500), refunded: money(120.5), netPaid: money(379.5), outstanding: money(259.95),
      lines: [
        { lineId: 'line-1', productId: 'sku-desk-160', quantity: 2, unitPrice: money(349.99), lineTotal: money(699.98) },
        { lineId: 'line-2', productId: 'sku-tray', quantity: 3, unitPrice: money(19.99), lineTotal: money(59.97) },
      ],
      payments: [{ paymentId: 'psp-1', amount: money(500), method: 'card' }],
      refunds: [{ refundId: 'rma-1', amount: money(120.5), reason: 'Desk damaged' }],
      revision: 3,
    });

    expect((await post(`${base}/refunds`, { refundId: 'rma-2', amount: money(379.5), reason: 'Returned' })).status).toBe(200);
    const cancelled = await post(`${base}/cancellation`, { reason: 'Customer returned everything' });
    expect([cancelled.status, cancelled.headers.get('etag')]).toEqual([200, 'W/"5"']);
    expect((await post(`${base}/cancellation`, { reason: 'again' })).body).toMatchObject({ code: 'order-not-cancellable' });
    expect((await post(`${base}/payments`, { amount: money(1), method: 'cash' })).body).toMatchObject({ code: 'payment-not-allowed' });

    expect((await read(orderId)).body).toMatchObject({ status: 'cancelled', cancellationReason: 'Customer returned everything', netPaid: money(0), revision: 5 });
    const events = await streamOf(orderId);
    expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderConfirmed', 'PaymentReceived', 'OrderRefunded', 'OrderRefunded', 'OrderCancelled']);
    expect(events[0].metadata).toMatchObject({ tenantId: 'acme', actorId: 'clerk-ada', correlationId: 'corr-order-walk', schemaVersion: 1 });
    expect(events[4].data).toMatchObject({ refundedToDate: money(500), netPaid: money(0) });
  });

  it('records a retried payment once: the same payment id and amount is done, another amount is refused', async () => {
    const orderId = await placeOrder(host());
    await post(`/api/v1/orders/${orderId}/confirmation`);
    const payment = { paymentId: 'psp-77', amount: money(100), method: 'card' };
    const first = await post(`/api/v1/orders/${orderId}/payments`, payment);
    const retry = await post(`/api/v1/orders/${orderId}/payments`, payment);
    expect([first.status, retry.status, (retry.body as { revision: number }).revision]).toEqual([200, 200, 2]);
    expect((await post(`/api/v1/orders/${orderId}/payments`, { ...payment, amount: money(99) })).body).toMatchObject({ code: 'payment-id-reused' });
    expect(await streamOf(orderId)).toHaveLength(3);
  });

  it('refuses a line priced in another currency than the order with 409, appending nothing', async () => {
    const before = await host().store.headPosition();
    const body = newOrderBody({ lines: [{ productId: 'sku-1', description: 'Item', quantity: 1, unitPrice: { amount: 5, currency: 'USD' } }] });
    const refused = await post('/api/v1/orders', body);
    expect([refused.status, refused.body]).toEqual([409, expect.objectContaining({ code: 'currency-mismatch' })]);
    expect(await host().store.headPosition()).toBe(before);
  });

  it('takes one order per won deal: an order naming the deal gets its derived id, a second one is refused naming it', async () => {
    const orderId = wonOpportunityOrderId('acme', 'opp-e2e-1');
    const first = await post('/api/v1/orders', newOrderBody({ opportunityId: 'opp-e2e-1' }));
    expect([first.status, (first.body as { orderId: string }).orderId, first.headers.get('location')]).toEqual([201, orderId, `/api/v1/orders/${orderId}`]);
    const before = await host().store.headPosition();
    const second = await post('/api/v1/orders', newOrderBody({ opportunityId: 'opp-e2e-1' }));
    expect([second.status, second.body]).toEqual([409, expect.objectContaining({ code: 'order-exists', orderId, opportunityId: 'opp-e2e-1' })]);
    expect(await host().store.headPosition()).toBe(before);
    expect((await read(orderId)).body).toMatchObject({ status: 'placed', origin: 'placed', opportunityId: 'opp-e2e-1' });
  });
});
