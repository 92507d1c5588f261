import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { Projection } from '@meridian/platform/projections';
import { evolveCustomerRecordActivity } from './customer-activity.customer';
import { UnknownActivityEvent } from './customer-activity.entries';
import type { CustomerActivityDocument } from './customer-activity.model';
import { customerActivityReadModel } from './customer-activity.model';
import { evolveOpportunityActivity } from './customer-activity.opportunity';
import { evolveOrderActivity } from './customer-activity.order';

/**
 * The stream categories kept, by stream-id prefix. `customer_import-…` and
 * `segment_policy-…` share the customers topic but name no single customer.
 */
const kindOfStream = (streamId: string): CustomerActivityDocument['kind'] | undefined => {
  if (streamId.startsWith('customer-')) return 'customer';
  if (streamId.startsWith('opportunity-')) return 'opportunity';
  if (streamId.startsWith('order-')) return 'order';
  return undefined;
};

/**
 * Pure: `(document | null, event) → document | null`, dispatched on the
 * stream's category. A document never changes kind: a stored document of
 * another kind than its stream says is a defect, refused loudly.
 */
export const evolveCustomerActivity = (document: CustomerActivityDocument | null, event: ConsumedEvent): CustomerActivityDocument | null => {
  const kind = kindOfStream(event.streamId);
  if (kind === undefined) return null;
  if (document !== null && document.kind !== kind) throw new UnknownActivityEvent(`${event.streamId} holds a ${document.kind} document`);
  switch (kind) {
    case 'customer':
      return evolveCustomerRecordActivity(document?.kind === 'customer' ? document : null, event);
    case 'opportunity':
      return evolveOpportunityActivity(document?.kind === 'opportunity' ? document : null, event);
    case 'order':
      return evolveOrderActivity(document?.kind === 'order' ? document : null, event);
    default: {
      const unreachable: never = kind;
      throw new UnknownActivityEvent(`unhandled stream kind ${String(unreachable)}`);
    }
  }
};

/** One document per customer, opportunity or order stream (stream ids are unique across tenants). */
export const customerActivityProjection: Projection<CustomerActivityDocument> = {
  readModel: customerActivityReadModel,
  documentIdOf: (event) => (kindOfStream(event.streamId) === undefined ? undefined : event.streamId),
  evolve: evolveCustomerActivity,
};
