import { randomUUID } from 'node:crypto';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Clock, Env } from '@meridian/platform/nest';
import { CLOCK, ConfigError, integerSetting } from '@meridian/platform/nest';
import type { ReadModelStore } from '@meridian/platform/projections';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customersWithPurchases, maxPageSize } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { SegmentSweep } from './segment-sweep.service';

export type SegmentSweepSchedule = Readonly<{ intervalMinutes: number }>;

export const SEGMENT_SWEEP_SCHEDULE = Symbol('SegmentSweepSchedule');
export const segmentSweepIntervalSetting = 'SEGMENT_SWEEP_INTERVAL_MINUTES';

/** `SEGMENT_SWEEP_INTERVAL_MINUTES`: default one day; 0 turns the timer off (the endpoint stays). */
export const segmentSweepScheduleFrom = (env: Env): SegmentSweepSchedule => {
  const problems: string[] = [];
  const intervalMinutes = integerSetting(env, segmentSweepIntervalSetting, 24 * 60, 0, 7 * 24 * 60, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { intervalMinutes };
};

/** Tenants with customers who ever bought: the only ones time or a policy can move. Ordered by tenant so the scan pages stably. */
export const tenantsToSweep = async (documents: ReadModelStore<CustomerListItem>): Promise<string[]> => {
  const tenants = new Set<string>();
  for (let skip = 0; ; skip += maxPageSize) {
    const page = await customersWithPurchases(documents, { skip, limit: maxPageSize });
    for (const item of page) tenants.add(item.tenantId);
    if (page.length < maxPageSize) return [...tenants];
  }
};

/**
 * Time alone moves segments (purchases leave the window), so every tenant is
 * swept on a timer: first a few minutes after start, so frequent restarts do
 * not postpone it forever, then every interval. Replicas may overlap: the
 * sweep is idempotent, a second one appends nothing.
 */
@Injectable()
export class SegmentSweepTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SegmentSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SEGMENT_SWEEP_SCHEDULE) private readonly schedule: SegmentSweepSchedule,
    @Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sweep: SegmentSweep,
  ) {}

  onApplicationBootstrap(): void {
    const intervalMs = this.schedule.intervalMinutes * 60_000;
    if (intervalMs === 0) return;
    const next = (delayMs: number) => {
      this.timer = setTimeout(() => {
        this.running = this.sweepAll().finally(() => next(intervalMs));
      }, delayMs);
      this.timer.unref();
    };
    next(Math.min(intervalMs, 5 * 60_000));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every tenant; a failure is logged and the next pass tries again. */
  async sweepAll(): Promise<void> {
    try {
      const { documents } = await this.readModels.customerList.storage();
      const asOf = this.clock.now().toISOString();
      for (const tenantId of await tenantsToSweep(documents)) {
        const correlationId = randomUUID();
        const result = await this.sweep.run({ tenantId, actorId: 'system:segment-sweep', correlationId, causationId: correlationId }, asOf, undefined);
        this.logger.log(`segment sweep ${tenantId} as of ${asOf}: ${result.reevaluated} judged, ${result.changed} changed, ${result.skipped} skipped`);
      }
    } catch (error) {
      this.logger.error(`segment sweep failed; the next one retries: ${String(error)}`);
    }
  }
}
