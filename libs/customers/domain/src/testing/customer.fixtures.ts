import type { RegisterCustomer } from '../customer.commands';
import type {
  ContactAdded,
  CustomerArchived,
  CustomerRestored,
  CustomerMergedInto,
  CustomerOrderValueRecorded,
  CustomerRegistered,
  CustomerTagged,
  CustomerValueSegmentChanged,
  CustomersMerged,
} from '../customer.events';
import type { Money, ValueSegment } from '../customer.values';
import type { SegmentPolicy } from '../segment-policy.values';

// Shared spec data: one realistic company customer, plus builders for the facts specs start from.

export const customerId = 'cust-acme';
export const customerStream = `customer-${customerId}`;
export const registeredAt = '2026-03-01T09:00:00.000Z';

/** As a user would type it: mixed case, spaces, punctuation in the phone. */
export const registerCustomer = {
  type: 'RegisterCustomer',
  data: {
    customerId,
    kind: 'company',
    name: ' ACME Analytics GmbH ',
    industry: 'software',
    region: 'dach',
    size: '51-200',
    sourceChannel: 'webinar',
    ownerId: 'rep-ana',
    emails: [' Sales@ACME.example ', 'j.doe+crm@gmail.com'],
    phones: ['(555) 010-4477'],
    registeredAt,
  },
} as const satisfies RegisterCustomer;

/** What `registerCustomer` records: trimmed, emails and phones normalised. */
export const registered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: {
    customerId,
    kind: 'company',
    name: 'ACME Analytics GmbH',
    industry: 'software',
    region: 'dach',
    size: '51-200',
    sourceChannel: 'webinar',
    ownerId: 'rep-ana',
    emails: ['sales@acme.example', 'jdoe@gmail.com'],
    phones: ['+15550104477'],
    registeredAt,
  },
};

export const contactAdded = (contactId: string, name = 'Jane Doe'): ContactAdded => ({
  type: 'ContactAdded',
  data: { customerId, contactId, name, title: 'CFO', emails: ['jane@acme.example'], phones: [], addedAt: '2026-03-02T09:00:00.000Z' },
});

export const tagged = (tag: string): CustomerTagged => ({
  type: 'CustomerTagged',
  data: { customerId, tag, taggedAt: '2026-03-03T09:00:00.000Z' },
});

/** This customer absorbed `absorbedId`. */
export const absorbed = (absorbedId: string): CustomersMerged => ({
  type: 'CustomersMerged',
  data: { customerId, mergedCustomerId: absorbedId, mergedAt: '2026-03-04T09:00:00.000Z' },
});

/** This customer was merged away into `survivorId`. */
export const mergedInto = (survivorId: string): CustomerMergedInto => ({
  type: 'CustomerMergedInto',
  data: { customerId, survivorId, mergedAt: '2026-03-04T09:00:00.000Z' },
});

export const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

export const orderValueRecorded = (
  orderId: string,
  netValue: Money,
  purchasedAt: string,
  orderRevision = 1,
): CustomerOrderValueRecorded => ({
  type: 'CustomerOrderValueRecorded',
  data: { customerId, orderId, netValue, purchasedAt, orderRevision, recordedAt: purchasedAt },
});

export const segmentChanged = (previousSegment: ValueSegment | null, segment: ValueSegment, asOf: string): CustomerValueSegmentChanged => ({
  type: 'CustomerValueSegmentChanged',
  data: {
    customerId, previousSegment, segment, purchaseCount: 0, averageOrderValue: null,
    windowStart: asOf, windowEnd: asOf, changedAt: asOf,
  },
});

/** A small policy that makes the four segments easy to reach: 30 days, 100.00 EUR, 3 purchases. */
export const smallPolicy: SegmentPolicy = {
  windowDays: 30,
  currency: 'EUR',
  highAverageOrderValue: { amount: 100, currency: 'EUR' },
  highPurchaseCount: 3,
};

export const archivedAt = '2026-03-05T09:00:00.000Z';

/** This customer was archived, with a reason when given. */
export const archived = (reason?: string, at = archivedAt): CustomerArchived => ({
  type: 'CustomerArchived',
  data: { customerId, ...(reason !== undefined ? { reason } : {}), archivedAt: at },
});

export const restored = (at = '2026-03-06T09:00:00.000Z'): CustomerRestored => ({ type: 'CustomerRestored', data: { customerId, restoredAt: at } });
