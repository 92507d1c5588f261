import type { ActivityEntry, ActivityKind, CustomerActivityDocument } from './customer-activity.model';

/** A timeline entry with the record it came from. */
export type TimelineItem = ActivityEntry & Readonly<{ customerId: string; kind: ActivityKind; sourceStreamId: string }>;

export type TimelineRequest = Readonly<{
  /** The `next` of the previous page; absent for the newest entries. */
  before?: string;
  limit?: number;
}>;

/** `next` is null on the last page. */
/**
 * `truncatedEntries`: older entries no longer kept (each source stream keeps its
 * last entries only): the timeline is complete when it is 0, and says so when not.
 */
export type TimelinePage = Readonly<{ items: readonly TimelineItem[]; next: string | null; truncatedEntries: number }>;

/** A cursor that is not one `timeline` handed out (the HTTP layer answers 400). */
export class InvalidTimelineCursor extends Error {
  override readonly name = 'InvalidTimelineCursor';
}

export const defaultTimelinePageSize = 50;
export const maxTimelinePageSize = 200;

type Key = Readonly<{ at: string; position: number; eventId: string }>;

const utcInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Newest first: business time, then global position (events of one store in
 * append order), then event id, so equal instants still have one total order
 * and a cursor names a place in it exactly.
 */
const compareNewestFirst = (a: Key, b: Key): number => {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.position !== b.position) return b.position - a.position;
  return a.eventId === b.eventId ? 0 : a.eventId < b.eventId ? 1 : -1;
};

/** Opaque to clients: `<at>|<position>|<eventId>` (neither of the first two can contain `|`). */
export const timelineCursorOf = (key: Key): string => `${key.at}|${key.position}|${key.eventId}`;

const cursorKeyOf = (cursor: string): Key => {
  const [at, position, ...rest] = cursor.split('|');
  const eventId = rest.join('|');
  const parsed = Number(position);
  if (!utcInstant.test(at ?? '') || !Number.isSafeInteger(parsed) || parsed < 0 || eventId === '') {
    throw new InvalidTimelineCursor(`not a timeline cursor: ${cursor}`);
  }
  return { at, position: parsed, eventId };
};

/**
 * One page of the timeline merged across the parts (a customer's lineage),
 * newest first, continuing strictly after the `before` cursor, so entries
 * recorded meanwhile never shift a later page. Entries dropped by the
 * per-stream cap are not in the parts and so not in the timeline.
 */
export const timeline = (parts: readonly CustomerActivityDocument[], request: TimelineRequest = {}): TimelinePage => {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? defaultTimelinePageSize), 1), maxTimelinePageSize);
  const before = request.before === undefined ? undefined : cursorKeyOf(request.before);
  const seen = new Set<string>();
  const items: TimelineItem[] = [];
  for (const part of parts) {
    for (const entry of part.entries) {
      if (seen.has(entry.eventId) || (before !== undefined && compareNewestFirst(entry, before) <= 0)) continue;
      seen.add(entry.eventId);
      items.push({ ...entry, customerId: part.customerId, kind: part.kind, sourceStreamId: part.sourceStreamId });
    }
  }
  items.sort(compareNewestFirst);
  const page = items.slice(0, limit);
  const last = page.at(-1);
  const truncatedEntries = parts.reduce((sum, part) => sum + part.truncated, 0);
  return { items: page, next: items.length > limit && last !== undefined ? timelineCursorOf(last) : null, truncatedEntries };
};
