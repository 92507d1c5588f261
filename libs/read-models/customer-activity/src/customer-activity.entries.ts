import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ActivityEntry, CustomerActivityDocument } from './customer-activity.model';
import { maxEntriesPerStream } from './customer-activity.model';

/** An event whose `ce_type` this read model does not know (e.g. a newer version): dead-lettered, to replay once supported. */
export class UnknownActivityEvent extends Error {
  override readonly name = 'UnknownActivityEvent';
}

/** An instant JavaScript cannot read (e.g. a leap second): dead-lettered rather than sorted as garbage. */
export class UnreadableActivityInstant extends Error {
  override readonly name = 'UnreadableActivityInstant';
}

/**
 * RFC 3339 in UTC with milliseconds, so instants with different offsets
 * compare correctly as strings. `Date.parse` does not promise to read a
 * lower-case `t`/`z`, which RFC 3339 allows.
 */
export const utcInstantOf = (instant: string): string => {
  const millis = Date.parse(instant.toUpperCase());
  if (!Number.isFinite(millis)) throw new UnreadableActivityInstant(`customer-activity cannot read the instant "${instant}"`);
  return new Date(millis).toISOString();
};

/**
 * Money as whole hundredths so sums are exact. The contracts cap amounts at
 * two decimals, so rounding only removes binary noise (1200.1 × 100).
 */
export const minorUnitsOf = (amount: number): number => Math.round(amount * 100);

/** `crm.orders.PaymentReceived.v1` → `PaymentReceived`. */
export const entryTypeOf = (ceType: string): string => ceType.split('.').at(-2) ?? ceType;

/** An entry for this event, at the business instant it names. */
export const entryOf = (event: ConsumedEvent, at: string, summary: string): ActivityEntry => ({
  at: utcInstantOf(at),
  type: entryTypeOf(event.type),
  summary,
  eventId: event.eventId,
  position: event.globalPosition,
});

/** Appends, keeping the last `maxEntriesPerStream`; what falls off the front is counted, not lost silently. */
export const withEntry = <T extends CustomerActivityDocument>(document: T, entry: ActivityEntry): T => {
  const entries = [...document.entries, entry];
  const dropped = Math.max(0, entries.length - maxEntriesPerStream);
  return { ...document, entries: entries.slice(dropped), truncated: document.truncated + dropped };
};

/** Stamps the revision guard (every evolved document must carry the event's revision) and appends the entry, if any. */
export const advanced = <T extends CustomerActivityDocument>(document: T, event: ConsumedEvent, entry: ActivityEntry | null): T => {
  const stamped: T = { ...document, streamRevision: event.streamRevision, lastPosition: event.globalPosition };
  return entry === null ? stamped : withEntry(stamped, entry);
};

/** A new document's common part, before its first entry. */
export const startedFrom = (event: ConsumedEvent, customerId: string) => ({
  tenantId: event.tenantId,
  sourceStreamId: event.streamId,
  customerId,
  entries: [] as readonly ActivityEntry[],
  truncated: 0,
  streamRevision: event.streamRevision,
  lastPosition: event.globalPosition,
});

/** `1234.5` and `EUR` as `1,234.50 EUR` for summaries: fixed, locale-free, exact from minor units. */
export const formatMinor = (minor: number, currency: string): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')} ${currency}`;
};
