import { Logger } from '@nestjs/common';
import type { CommandContext } from '@meridian/platform/eventsourcing';
import { CommandHandler, MemoryEventStore } from '@meridian/platform/eventsourcing';
import { ConfigError } from '@meridian/platform/nest';
import { createEventRouter } from '@meridian/platform/kafka';
import { createStoreFeed } from '@meridian/platform/projections';
import { customersPublicCatalogue, customersTopic } from '@meridian/customers/contracts';
import type { CustomerCommand } from '@meridian/customers/domain';
import { customerDecider, customerStreamId, defaultSegmentPolicy } from '@meridian/customers/domain';
import { projectedReadModels } from '../testing/memory-read-models';
import { SegmentSweep } from './segment-sweep.service';
import { SegmentSweepTimer, segmentSweepScheduleFrom, tenantsToSweep } from './segment-sweep.schedule';

const boughtAt = '2026-01-10T10:00:00.000Z';

/** Two tenants with a customer who bought once (segment C), and one customer who never bought (A). */
const seeded = async () => {
  const store = new MemoryEventStore();
  const handler = new CommandHandler(store);
  const run = (tenantId: string, customerId: string, command: CustomerCommand) => {
    const context: CommandContext = { tenantId, actorId: 'seed', correlationId: 'seed', causationId: 'seed' };
    return handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: boughtAt });
  };
  const register = (tenantId: string, customerId: string) =>
    run(tenantId, customerId, {
      type: 'RegisterCustomer',
      data: { customerId, kind: 'company', name: `Customer ${customerId}`, region: 'emea', sourceChannel: 'web', ownerId: 'rep', emails: [], phones: [], registeredAt: boughtAt },
    });
  const buy = (tenantId: string, customerId: string) =>
    run(tenantId, customerId, {
      type: 'RecordOrderValue',
      data: {
        customerId, orderId: `order-${customerId}`, netValue: { amount: 1500, currency: 'EUR' }, purchasedAt: boughtAt, orderRevision: 2,
        recordedAt: boughtAt, policy: defaultSegmentPolicy, asOf: boughtAt,
      },
    });
  for (const [tenant, customer] of [['acme', 'c-1'], ['globex', 'c-2'], ['acme', 'c-3']] as const) await register(tenant, customer);
  await buy('acme', 'c-1');
  await buy('globex', 'c-2');
  const feed = createStoreFeed(store, createEventRouter({ catalogues: [customersPublicCatalogue] }), [customersTopic]);
  const projected = await projectedReadModels((await feed.read(0, 1_000)).events);
  return { store, handler, projected };
};

describe('segment sweep timer', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('reads its interval from SEGMENT_SWEEP_INTERVAL_MINUTES (a day by default, 0 = off) and names a bad value', () => {
    expect(segmentSweepScheduleFrom({})).toEqual({ intervalMinutes: 1440 });
    expect(segmentSweepScheduleFrom({ SEGMENT_SWEEP_INTERVAL_MINUTES: '0' })).toEqual({ intervalMinutes: 0 });
    expect(() => segmentSweepScheduleFrom({ SEGMENT_SWEEP_INTERVAL_MINUTES: 'daily' })).toThrow(ConfigError);
    expect(() => segmentSweepScheduleFrom({ SEGMENT_SWEEP_INTERVAL_MINUTES: 'daily' })).toThrow('SEGMENT_SWEEP_INTERVAL_MINUTES');
  });

  it('sweeps only tenants with customers in B to E', async () => {
    const { projected } = await seeded();
    expect((await tenantsToSweep(projected.list.documents)).sort()).toEqual(['acme', 'globex']);
  });

  it("moves every tenant's lapsed customers back to A in one pass, and a second pass changes nothing", async () => {
    const { store, handler, projected } = await seeded();
    const clock = { now: () => new Date('2027-02-01T00:00:00.000Z') };
    const timer = new SegmentSweepTimer({ intervalMinutes: 1440 }, projected.readModels, clock, new SegmentSweep(projected.readModels, store, handler));
    await timer.sweepAll();
    const lastOf = async (customerId: string) => (await store.readStream(customerStreamId(customerId))).at(-1);
    for (const customerId of ['c-1', 'c-2']) {
      expect(await lastOf(customerId)).toMatchObject({ type: 'CustomerValueSegmentChanged', data: { previousSegment: 'C', segment: 'A' } });
    }
    const head = await store.headPosition();
    await timer.sweepAll();
    // The read models still say C (not refreshed here), so both are judged again: and nothing changes.
    expect(await store.headPosition()).toBe(head);
  });
});
