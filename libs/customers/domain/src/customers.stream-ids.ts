import { streamIdFor } from '@meridian/platform/eventsourcing';

// The one place that names the customers context's streams.

/** `customer-<customerId>`. */
export const customerStreamId = (customerId: string): string => streamIdFor('customer', customerId);

/** `customer_import-<importId>`. */
export const customerImportStreamId = (importId: string): string => streamIdFor('customer_import', importId);

/** `segment_policy-<tenantId>`: one policy stream per tenant. */
export const segmentPolicyStreamId = (tenantId: string): string => streamIdFor('segment_policy', tenantId);

export const customerStreamCategories = ['customer', 'customer_import', 'segment_policy'] as const;
