import type { CommandContext, EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler, MemoryEventStore } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import { ReactionRefused, bindProcessManager, createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import { orderContracts } from '@meridian/orders/contracts';
import type { CustomerCommand, CustomerLineageCommand, SetSegmentPolicy } from '@meridian/customers/domain';
import { customerDecider, customerStreamId, segmentPolicyDecider, segmentPolicyStreamId } from '@meridian/customers/domain';
import { orderValueSegments } from './order-value-segments.process-manager';
import { reevaluateValueSegments } from './reevaluate-value-segments';

const tenantId = 'tenant-a';
const context: CommandContext = { tenantId, actorId: 'test', correlationId: 'c', causationId: 'k' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;

const consumed = <T extends OrderContractType>(type: T, payload: OrderContractPayloads[T], revision: number): ConsumedEvent => ({
  eventId: `evt-${payload.orderId}-${revision}`, type: orderContracts[type].ceType, schemaVersion: 1, streamId: `order-${payload.orderId}`,
  streamRevision: revision, globalPosition: 100 + revision, tenantId, occurredAt: day(1), correlationId: 'corr', causationId: 'cause',
  payload, partition: 0, offset: String(revision),
});
const paid = (orderId: string, customerId: string, amount: number, revision: number, at = day(2)) =>
  consumed('PaymentReceived', {
    orderId, customerId, paymentId: `pay-${revision}`, amount: eur(amount), paidToDate: eur(amount), outstanding: eur(0), netPaid: eur(amount),
    method: 'card', receivedAt: at,
  }, revision);
const refunded = (orderId: string, customerId: string, netPaid: number, revision: number) =>
  consumed('OrderRefunded', {
    orderId, customerId, refundId: `ref-${revision}`, amount: eur(1), refundedToDate: eur(1), netPaid: eur(netPaid), reason: 'Damaged', refundedAt: day(3),
  }, revision);

const register = async (handler: CommandHandler, customerId: string) => {
  const command: CustomerCommand = {
    type: 'RegisterCustomer',
    data: { customerId, kind: 'company', name: `Customer ${customerId}`, region: 'emea', sourceChannel: 'web', ownerId: 'rep', emails: [], phones: [], registeredAt: day(1) },
  };
  await handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: day(1) });
};
const lineage = (handler: CommandHandler, customerId: string, command: CustomerLineageCommand) =>
  handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: day(1) });

const setup = async () => {
  const store: EventStore = new MemoryEventStore();
  const handler = new CommandHandler(store);
  const binding = bindProcessManager(orderValueSegments(handler, store), createMemoryReadModelStorage());
  const deliver = (event: ConsumedEvent) => binding.apply(event, { id: 'crm.orders#0', sequence: event.streamRevision });
  const eventsOf = async (customerId: string) => (await store.readStream(customerStreamId(customerId))).map((e) => ({ type: e.type, data: e.data }));
  return { store, handler, deliver, eventsOf };
};

describe('order value → customer value segment', () => {
  it('records the net value of a paid order and judges its first segment', async () => {
    const { handler, deliver, eventsOf } = await setup();
    await register(handler, 'cust-1');
    expect(await deliver(paid('ord-1', 'cust-1', 1500, 2))).toBe('applied');
    const [, recorded, changed] = await eventsOf('cust-1');
    expect(recorded).toMatchObject({ type: 'CustomerOrderValueRecorded', data: { orderId: 'ord-1', netValue: eur(1500), purchasedAt: day(2), orderRevision: 2 } });
    // Never judged before (null: implicitly A). One purchase of 1,500 EUR under the default policy (1,000 EUR, 4 purchases): high value, low frequency.
    expect(changed).toMatchObject({ type: 'CustomerValueSegmentChanged', data: { previousSegment: null, segment: 'C', purchaseCount: 1 } });
  });

  it('reaches the same segment whatever order the payments of different orders arrive in', async () => {
    const outcomeOf = async (days: readonly number[]) => {
      const { handler, deliver, eventsOf } = await setup();
      await register(handler, 'cust-1');
      for (const day of days) await deliver(paid(`ord-${day}`, 'cust-1', 1500, 2, `2026-03-0${day}T10:00:00.000Z`));
      return (await eventsOf('cust-1')).filter((event) => event.type === 'CustomerValueSegmentChanged').at(-1)?.data;
    };
    // Four purchases of 1,500 EUR (default policy: high value from 1,000 EUR, high frequency from 4): E either way.
    expect(await outcomeOf([1, 2, 3, 4])).toMatchObject({ segment: 'E', purchaseCount: 4 });
    expect(await outcomeOf([1, 2, 4, 3])).toMatchObject({ segment: 'E', purchaseCount: 4 });
  });

  it('changes nothing when the same payment comes twice', async () => {
    const { handler, deliver, eventsOf } = await setup();
    await register(handler, 'cust-1');
    await deliver(paid('ord-1', 'cust-1', 1500, 2));
    const before = await eventsOf('cust-1');
    await deliver(paid('ord-1', 'cust-1', 1500, 2));
    expect(await eventsOf('cust-1')).toEqual(before);
  });

  it('lowers the value on a refund and judges the segment again', async () => {
    const { handler, deliver, eventsOf } = await setup();
    await register(handler, 'cust-1');
    await deliver(paid('ord-1', 'cust-1', 1500, 2));
    await deliver(refunded('ord-1', 'cust-1', 200, 3));
    const events = await eventsOf('cust-1');
    expect(events.at(-2)).toMatchObject({ type: 'CustomerOrderValueRecorded', data: { netValue: eur(200), purchasedAt: day(2), orderRevision: 3 } });
    expect(events.at(-1)).toMatchObject({ type: 'CustomerValueSegmentChanged', data: { previousSegment: 'C', segment: 'B' } });
  });

  it("judges with the tenant's own policy", async () => {
    const { store, handler, deliver, eventsOf } = await setup();
    const policy: SetSegmentPolicy = {
      type: 'SetSegmentPolicy',
      data: { tenantId, windowDays: 90, currency: 'EUR', highAverageOrderValue: eur(5000), highPurchaseCount: 1, setAt: day(1) },
    };
    await new CommandHandler(store).handle({ decider: segmentPolicyDecider, streamId: segmentPolicyStreamId(tenantId), command: policy, context, occurredAt: day(1) });
    await register(handler, 'cust-1');
    await deliver(paid('ord-1', 'cust-1', 1500, 2));
    // Low value (below 5,000) but high frequency (1 purchase is enough): D.
    expect((await eventsOf('cust-1')).at(-1)).toMatchObject({ data: { segment: 'D' } });
  });

  it('records on the survivor when the customer was merged away', async () => {
    const { handler, deliver, eventsOf } = await setup();
    await register(handler, 'cust-old');
    await register(handler, 'cust-new');
    await lineage(handler, 'cust-old', { type: 'MarkMergedInto', data: { customerId: 'cust-old', survivorId: 'cust-new', mergedAt: day(1) } });
    await lineage(handler, 'cust-new', { type: 'MergeCustomer', data: { customerId: 'cust-new', mergedCustomerId: 'cust-old', mergedAt: day(1) } });
    await deliver(paid('ord-1', 'cust-old', 1500, 2));
    expect((await eventsOf('cust-new')).map((e) => e.type)).toContain('CustomerOrderValueRecorded');
    expect((await eventsOf('cust-old')).map((e) => e.type)).not.toContain('CustomerOrderValueRecorded');
  });

  it('dead-letters a payment for a customer that does not exist', async () => {
    const { deliver } = await setup();
    await expect(deliver(paid('ord-1', 'cust-ghost', 10, 2))).rejects.toBeInstanceOf(ReactionRefused);
  });

  it('ignores order events that do not change what an order is worth', async () => {
    const { store, deliver } = await setup();
    const confirmed = consumed('OrderConfirmed', { orderId: 'ord-1', customerId: 'cust-1', total: eur(10), confirmedAt: day(2) }, 1);
    expect(await deliver(confirmed)).toBe('ignored');
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
  });
});

describe('segment sweep', () => {
  it('moves a customer whose purchases left the window, once', async () => {
    const { store, handler, deliver, eventsOf } = await setup();
    await register(handler, 'cust-1');
    await deliver(paid('ord-1', 'cust-1', 1500, 2));
    const sweep = (asOf: string) =>
      reevaluateValueSegments(handler, store, { tenantId, customerIds: ['cust-1', 'cust-ghost'], asOf, actorId: 'ops', correlationId: 'sweep-1' });
    // Within the default 365-day window nothing changes; a year and a day later the purchase is out: back to A.
    expect(await sweep('2026-12-01T00:00:00.000Z')).toEqual({ reevaluated: 1, changed: 0, skipped: 1 });
    expect(await sweep('2027-03-03T00:00:00.000Z')).toEqual({ reevaluated: 1, changed: 1, skipped: 1 });
    expect((await eventsOf('cust-1')).at(-1)).toMatchObject({ type: 'CustomerValueSegmentChanged', data: { previousSegment: 'C', segment: 'A', purchaseCount: 0 } });
    expect(await sweep('2027-03-04T00:00:00.000Z')).toEqual({ reevaluated: 1, changed: 0, skipped: 1 });
  });
});
