import type { DeadLetterReason } from '@meridian/platform/kafka';
import { cloudEventsSpecVersion, deadLetterHeaders, jsonContentType } from '@meridian/platform/kafka';
import type { DeadLetterCause } from '@meridian/platform/projections';
import { deadLetterConsumerHeader } from '@meridian/platform/projections';
import { streamIdPattern } from './asyncapi-context';
import type { HeadersSchema, SchemaObject } from './asyncapi.types';

/** What varies between the messages of one topic; the rest of the header schema is fixed by `toCloudEventHeaders`. */
export type CloudEventHeaderFacts = Readonly<{
  source: string;
  ceType: string;
  schemaVersion: number;
  /** Stream categories of the topic, e.g. `opportunity`; the first one gives the example. */
  streamCategories: readonly string[];
}>;

/**
 * Headers `toCloudEventHeaders` writes only sometimes: none since every
 * message carries `traceparent` (an event stored without one gets a trace
 * derived from its id). The spec proves this list against the function's
 * output, so "required" in the document means "always sent".
 */
export const optionalCloudEventHeaders: readonly string[] = [];

const decimal = '^(0|[1-9][0-9]*)$';

const header = (description: string, example: string, constraints: SchemaObject = {}): SchemaObject => ({
  type: 'string',
  description,
  ...constraints,
  examples: [example],
});

/** One schema per header, in the order `toCloudEventHeaders` writes them. */
const cloudEventHeaderProperties = (facts: CloudEventHeaderFacts): Record<string, SchemaObject> => ({
  ce_specversion: header('CloudEvents specification version.', cloudEventsSpecVersion, { const: cloudEventsSpecVersion }),
  ce_id: header(
    'Event id (UUID, as stored). The dedupe key: a re-sent duplicate carries the same id.',
    '0b7e3c1e-5d0a-4a43-9a57-6f0f1c3b2a11',
    { format: 'uuid' },
  ),
  ce_source: header('The publishing bounded context.', facts.source, { const: facts.source }),
  ce_type: header('Versioned event type; selects the payload schema.', facts.ceType, { const: facts.ceType }),
  ce_subject: header('Stream id; always equal to the message key.', `${facts.streamCategories[0]}-6f1c0d2e-0000-4000-8000-000000000001`, {
    pattern: streamIdPattern(facts.streamCategories),
  }),
  ce_time: header('When the fact happened in the business (the time stamped on the command), RFC 3339.', '2026-03-01T09:00:00.000Z', {
    format: 'date-time',
  }),
  'content-type': header('Media type of the message value.', jsonContentType, { const: jsonContentType }),
  ce_tenantid: header('Tenant that owns the stream.', 'tenant-a'),
  ce_correlationid: header('Correlation id of the request or flow (`X-Correlation-Id`, else the command id).', 'corr-1'),
  ce_causationid: header('Id of the command (or event) that caused this event.', 'cmd-1'),
  ce_actorid: header('User who issued the command.', 'rep-ana'),
  ce_streamrevision: header(
    '0-based revision of the event in its stream, in decimal. Consumers keep the last revision applied per document and skip anything not newer.',
    '3',
    { pattern: decimal },
  ),
  ce_globalposition: header("Position in the event store's global feed, in decimal: the feed order across streams.", '1042', {
    pattern: decimal,
  }),
  ce_schemaversion: header('Payload schema version; the same number as the `.vN` suffix of ce_type.', String(facts.schemaVersion), {
    const: String(facts.schemaVersion),
  }),
  traceparent: header(
    'W3C Trace Context (version 00, neither id all zeros) of the event, on every message (not `ce_traceparent`: the W3C Kafka binding names it so): '
      + "the trace of the request or the consumed message that caused it, with tracing on the relay's publish span; a new "
      + 'trace for work with no context (a timer) or an event stored without one. The sampled flag may be 00 (not recorded, '
      + 'e.g. tracing off): continue the trace, do not expect its spans in a backend.',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    // Without the all-zero exclusions of w3cTraceparentPattern: lookaheads are outside the regex subset JSON Schema tools share.
    { pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
  ),
});

/** CloudEvents 1.0 Kafka binding, binary mode: the headers of one event type on a context topic. */
export const cloudEventHeadersSchema = (facts: CloudEventHeaderFacts): HeadersSchema => {
  const properties = cloudEventHeaderProperties(facts);
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes in Kafka binary content mode (`ce_<attribute>` headers), plus W3C `traceparent`.',
    required: Object.keys(properties).filter((name) => !optionalCloudEventHeaders.includes(name)),
    properties,
  };
};

/**
 * Every `dlq-reason` a context's dead-letter topic can carry: the relay's
 * (`no-route` never lands there: it goes to `crm.unrouted.dlq`) and the
 * projection consumers'. A record over the union, so a new reason in either
 * fails the type-check until it is described here.
 */
const contextDeadLetterReasons: Readonly<Record<Exclude<DeadLetterReason, 'no-route'> | DeadLetterCause, string>> = {
  'schema-violation': 'the payload fails its contract (relay)',
  'no-contract': 'no contract for the stored type and schema version (relay)',
  malformed: 'the message cannot be decoded: no key, a missing or invalid header, a value that is not JSON (projection consumer)',
  'projection-failed': 'the projection threw on it, e.g. an unknown ce_type (projection consumer)',
};

/** Examples drawn from the topic the dead letters belong to, so each document's examples are its own. */
export type DeadLetterHeaderFacts = Readonly<{
  topic: string;
  /** `dlq-error` of a schema violation, as the relay writes it. */
  exampleError: string;
  /** `<read model>.g<generation>` of a consumer of the topic. */
  exampleConsumerGroup: string;
}>;

/**
 * Dead letters keep the original key, value and headers (a consumer re-publishes
 * the message exactly as it received it, however broken), so only the `dlq-*`
 * headers are promised here.
 */
export const deadLetterHeadersSchema = (facts: DeadLetterHeaderFacts): HeadersSchema => ({
  type: 'object',
  description:
    "The original message's headers, unchanged (for the relay's dead letters: the full CloudEvents set, with ce_type built " +
    'from the stored type and schema version when there is no contract), plus these.',
  required: [deadLetterHeaders.reason, deadLetterHeaders.error, deadLetterHeaders.topic],
  properties: {
    [deadLetterHeaders.reason]: header(
      `Why it was parked: ${Object.entries(contextDeadLetterReasons).map(([reason, meaning]) => `\`${reason}\` ${meaning}`).join('; ')}.`,
      'schema-violation',
      { enum: Object.keys(contextDeadLetterReasons) },
    ),
    [deadLetterHeaders.error]: header("The validator's or consumer's message, cut to 2000 characters (plus `…`).", facts.exampleError),
    [deadLetterHeaders.topic]: header(
      'The topic the message was meant for (relay) or read from (consumer), deployment prefix included.',
      facts.topic,
    ),
    [deadLetterConsumerHeader]: header(
      "Consumer group that gave up on the message (`<read model>.g<generation>`); absent on the relay's dead letters.",
      facts.exampleConsumerGroup,
    ),
  },
});
