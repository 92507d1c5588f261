import { streamIdFor } from '@meridian/platform/eventsourcing';

/** The one place that names an order's stream: `order-<id>`. */
export const orderStreamId = (orderId: string): string => streamIdFor('order', orderId);
