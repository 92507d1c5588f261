import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { traceparentOfEvent } from './event-traceparent';

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the payload is
 * the message value as is, every attribute is a `ce_<name>` header. Extension
 * names are lowercase alphanumerics only (CloudEvents 1.0 §"Attribute Naming").
 */
export type CloudEventHeaders = Readonly<Record<string, string>>;

export type CloudEventAttributes = Readonly<{
  /** CloudEvents `source` of the context, e.g. `/meridian/opportunities`. */
  source: string;
  /** Versioned CloudEvents `type`, e.g. `crm.opportunities.OpportunityWon.v1`. */
  ceType: string;
}>;

export const cloudEventsSpecVersion = '1.0';
export const jsonContentType = 'application/json';

/**
 * Maps a recorded event to its headers. Pure and total: every envelope field a
 * consumer needs for deduplication (`ce_id`), ordering guards
 * (`ce_streamrevision`, `ce_globalposition`) and tracing (`traceparent`,
 * always) travels with it.
 */
export const toCloudEventHeaders = (event: RecordedEvent, attributes: CloudEventAttributes): CloudEventHeaders => {
  const { metadata } = event;
  const headers: Record<string, string> = {
    ce_specversion: cloudEventsSpecVersion,
    ce_id: event.eventId,
    ce_source: attributes.source,
    ce_type: attributes.ceType,
    ce_subject: event.streamId,
    ce_time: metadata.occurredAt,
    'content-type': jsonContentType,
    ce_tenantid: metadata.tenantId,
    ce_correlationid: metadata.correlationId,
    ce_causationid: metadata.causationId,
    ce_actorid: metadata.actorId,
    ce_streamrevision: String(event.revision),
    ce_globalposition: String(event.globalPosition),
    ce_schemaversion: String(metadata.schemaVersion),
    // W3C Trace Context binding for Kafka: the header is `traceparent`, not `ce_traceparent`. On every message.
    traceparent: traceparentOfEvent(event),
  };
  return headers;
};

/** The CloudEvents type an event would carry if it had a contract: used for dead letters. */
export const fallbackCeTypeOf = (topic: string, event: RecordedEvent): string =>
  `${topic}.${event.type}.v${event.metadata.schemaVersion}`;
