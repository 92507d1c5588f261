/** A valid event of one stream category, as the store would hand it to the relay. */
export type RelaySample = Readonly<{ streamId: string; type: string; data: Readonly<Record<string, unknown>> }>;

/**
 * Valid events for the "what the relay really sends" checks, by context name.
 * The spec requires one per stream category of the context, so every key
 * pattern is proven against a real message; and each must satisfy its
 * contract, so a contract change that makes one invalid fails loudly here.
 */
export const relaySamples: Readonly<Record<string, readonly RelaySample[]>> = {
  opportunities: [
    {
      streamId: 'opportunity-6f1c0d2e-aaaa-bbbb-cccc-000000000001',
      type: 'OpportunityStageChanged',
      data: { opportunityId: 'opp-1', fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: '2026-03-01T09:00:00.000Z' },
    },
  ],
  customers: [
    {
      streamId: 'customer-9a7e5b1c-0000-4000-8000-000000000001',
      type: 'CustomerTagged',
      data: { customerId: '9a7e5b1c-0000-4000-8000-000000000001', tag: 'key account', taggedAt: '2026-03-01T09:00:00.000Z' },
    },
    {
      streamId: 'customer_import-4c8d2e6f-0000-4000-8000-000000000001',
      type: 'CustomerImportCompleted',
      data: { importId: '4c8d2e6f-0000-4000-8000-000000000001', imported: 3, duplicates: 1, rejected: 0, completedAt: '2026-03-01T09:00:00.000Z' },
    },
    {
      streamId: 'segment_policy-tenant-a',
      type: 'SegmentPolicySet',
      data: {
        windowDays: 365,
        currency: 'EUR',
        highAverageOrderValue: { amount: 1000, currency: 'EUR' },
        highPurchaseCount: 4,
        setAt: '2026-03-01T09:00:00.000Z',
      },
    },
  ],
  orders: [
    {
      // 19.99 on purpose: without the catalogue's validator options it fails `multipleOf: 0.01`.
      streamId: 'order-3d2f9c1a-0000-4000-8000-000000000001',
      type: 'PaymentReceived',
      data: {
        orderId: '3d2f9c1a-0000-4000-8000-000000000001',
        customerId: 'cust-acme',
        paymentId: 'pay-1',
        amount: { amount: 19.99, currency: 'EUR' },
        paidToDate: { amount: 19.99, currency: 'EUR' },
        outstanding: { amount: 0, currency: 'EUR' },
        netPaid: { amount: 19.99, currency: 'EUR' },
        method: 'card',
        receivedAt: '2026-03-01T09:00:00.000Z',
      },
    },
  ],
};
