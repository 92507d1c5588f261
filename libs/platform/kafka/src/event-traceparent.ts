import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';

/** W3C Trace Context version 00, with neither id all zeros. */
export const w3cTraceparentPattern = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The `traceparent` header of an event's message: the one stored in its
 * metadata. An event stored without a valid one (appended before every event
 * carried one, or by something other than a Meridian host) gets a new trace
 * derived from its event id, with the sampled flag off: derived rather than
 * random, so a re-sent duplicate carries the same header as the first send.
 */
export const traceparentOfEvent = (event: RecordedEvent): string => {
  const stored = event.metadata.traceparent;
  if (stored !== undefined && w3cTraceparentPattern.test(stored)) return stored;
  const digest = createHash('sha256').update(`traceparent:${event.eventId}`).digest('hex');
  return `00-${digest.slice(0, 32)}-${digest.slice(32, 48)}-00`;
};
