import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext, EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import { EVENT_STORE } from '@meridian/platform/nest';
import type { ReadModelStore } from '@meridian/platform/projections';
import type { SegmentSweepResult } from '@meridian/customers/process-managers';
import { reevaluateValueSegments } from '@meridian/customers/process-managers';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { maxPageSize } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerList } from '../shared/customer-reads';

/** Below this many customers a sweep is quick and says nothing until it is done. */
const progressThreshold = 1_000;

export type SegmentSweepOutcome = SegmentSweepResult & Readonly<{ asOf: string; position: number }>;

/**
 * Every active customer of the tenant who ever bought, collected before
 * anything is judged (the sweep moves them between segments). A customer in A
 * is included: its purchases may have left the window or be in another
 * currency, and a wider window or another policy can move it back. One who
 * never bought stays in A whatever the date or policy, so is skipped.
 */
export const sweptCustomerIds = async (documents: ReadModelStore<CustomerListItem>, tenantId: string): Promise<string[]> => {
  const ids: string[] = [];
  for (let skip = 0; ; skip += maxPageSize) {
    const page = await documents.find({ equals: { tenantId, hasPurchases: 1, status: 'active' }, sort: [['customerId', 1]], skip, limit: maxPageSize });
    ids.push(...page.map((item) => item.customerId));
    if (page.length < maxPageSize) return ids;
  }
};

/** Logs every tenth of a large sweep, so an operator sees it move. */
const progressLog = (logger: Logger, tenantId: string, total: number) => {
  const step = Math.max(Math.ceil(total / 10), 1);
  return (done: number): void => {
    if (total >= progressThreshold && (done % step === 0 || done === total)) logger.log(`segment sweep ${tenantId}: ${done} / ${total} customers`);
  };
};

/**
 * The value-segment sweep over HTTP: who to judge comes from the customer
 * list (read-your-writes honoured), the judging is the customers context's
 * own (reevaluateValueSegments, idempotent: a second run changes nothing).
 */
@Injectable()
export class SegmentSweep {
  private readonly logger = new Logger('SegmentSweep');

  constructor(
    @Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly handler: CommandHandler,
  ) {}

  async run(context: CommandContext, asOf: string, minPosition: number | undefined): Promise<SegmentSweepOutcome> {
    const { tenantId } = context;
    const customerIds = await fromCustomerList(this.readModels, minPosition, (documents) => sweptCustomerIds(documents, tenantId));
    if (customerIds.length >= progressThreshold) this.logger.log(`segment sweep ${tenantId}: ${customerIds.length} customers who bought, as of ${asOf}`);
    const result = await reevaluateValueSegments(this.handler, this.store, {
      tenantId, customerIds, asOf, actorId: context.actorId, correlationId: context.correlationId, onProgress: progressLog(this.logger, tenantId, customerIds.length),
    });
    // Covers every change the sweep appended: a read with it as X-Min-Position sees the new segments.
    const position = await this.store.headPosition();
    return { ...result, asOf, position };
  }
}
