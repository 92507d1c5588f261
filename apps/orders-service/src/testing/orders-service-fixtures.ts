import type { TestDatabase, TestHost } from '@meridian/platform/testing';
import { createTestDatabase, startTestHost } from '@meridian/platform/testing';
import { ordersServiceHost } from '../orders-service.host';

export const tenantA = { 'x-tenant-id': 'acme', 'x-user-id': 'clerk-ada' };
export const tenantB = { 'x-tenant-id': 'globex', 'x-user-id': 'clerk-bo' };
export const problemJson = 'application/problem+json';
export const unknownOrderId = '00000000-0000-4000-8000-000000000000';

/** 2 × 349.99 + 3 × 19.99 = 759.95, a sum binary floating point gets wrong (699.98 + 59.97). */
export const newOrderBody = (overrides: Record<string, unknown> = {}) => ({
  customerId: 'cus-1001',
  currency: 'EUR',
  lines: [
    { productId: 'sku-desk-160', description: 'Standing desk, 160 cm', quantity: 2, unitPrice: { amount: 349.99, currency: 'EUR' } },
    { productId: 'sku-tray', description: 'Cable tray', quantity: 3, unitPrice: { amount: 19.99, currency: 'EUR' } },
  ],
  ...overrides,
});

export type OrdersServiceUnderTest = Readonly<{ host: TestHost; database: TestDatabase }>;

/** The service on a fresh PostgreSQL database of the test server (DATABASE_URL from Jest's globalSetup). */
export const startOrdersService = async (): Promise<OrdersServiceUnderTest> => {
  const database = await createTestDatabase('meridian_orders_e2e');
  try {
    return { host: await startTestHost(ordersServiceHost, database.url), database };
  } catch (error) {
    await database.drop();
    throw error;
  }
};

export const stopOrdersService = async (service: OrdersServiceUnderTest | undefined): Promise<void> => {
  await service?.host.close();
  await service?.database.drop();
};

/** Places an order and returns its id, failing loudly if the service refused it. */
export const placeOrder = async (host: TestHost, body: unknown = newOrderBody(), headers: Record<string, string> = tenantA): Promise<string> => {
  const placed = await host.request('POST', '/api/v1/orders', { headers, body });
  if (placed.status !== 201) throw new Error(`place answered ${placed.status}: ${placed.text}`);
  return (placed.body as { orderId: string }).orderId;
};

export const money = (amount: number) => ({ amount, currency: 'EUR' });
