import type { OpportunityContractType } from '@meridian/opportunities/contracts';
import { opportunitiesPublicCatalogue, opportunityContractTypes, opportunityContracts } from '@meridian/opportunities/contracts';
import { deadLetterTopicOf, defaultTopicSettings, jsonContentType } from '@meridian/platform/kafka';
import { cloudEventHeadersSchema, deadLetterHeadersSchema } from './asyncapi-headers';
import type { AsyncApiChannel, AsyncApiDocument, AsyncApiMessage, KafkaChannelBinding, Reference } from './asyncapi.types';

const { topic, source, streamCategories } = opportunitiesPublicCatalogue;
const deadLetterTopic = deadLetterTopicOf(topic);
const streamIdPrefix = `${streamCategories[0]}-`;

/**
 * The contracts declare JSON Schema 2020-12 (`$schema`), so they are embedded
 * as multi-format schemas under that format rather than inlined: inline, they
 * would be read as AsyncAPI Schema Objects (a draft-07 superset), a different
 * dialect from the one the relay validates with (ajv 2020). Custom formats are
 * allowed by AsyncAPI 3.0, but support is optional: `@asyncapi/parser` reports
 * them as unknown (asyncapi/parser-js#1066). The official JSON Schema accepts
 * them, and the spec checks each payload compiles as strict 2020-12 instead.
 */
export const jsonSchema202012Format = 'application/schema+json;version=draft-2020-12';

/** The document's own version; event payloads are versioned separately, by their ce_type (`.vN`). */
const documentVersion = '1.0.0';

const ref = (pointer: string): Reference => ({ $ref: pointer });
/** Channel ids are the topic names: Kafka allows only `[a-zA-Z0-9._-]` there, so no JSON Pointer escaping is needed. */
const channelMessageRef = (channel: string, message: string): Reference => ref(`#/channels/${channel}/messages/${message}`);

/**
 * The defaults missing topics are created with (`ensureTopics`, by the relay and
 * by projection consumers); the relay's environment can override them, and an
 * existing topic keeps its own.
 */
const topicBinding = (retentionMs: number): KafkaChannelBinding => ({
  partitions: defaultTopicSettings.partitions,
  replicas: defaultTopicSettings.replicationFactor,
  topicConfiguration: { 'retention.ms': retentionMs },
  bindingVersion: '0.5.0',
});

const eventMessage = (type: OpportunityContractType): AsyncApiMessage => {
  const { ceType, version, schema } = opportunityContracts[type];
  return {
    name: type,
    title: `${type} v${version}`,
    summary: schema.description,
    contentType: jsonContentType,
    headers: cloudEventHeadersSchema({ source, ceType, schemaVersion: version, streamIdPrefix }),
    payload: { schemaFormat: jsonSchema202012Format, schema },
    correlationId: { description: 'Correlation id of the request or flow that caused the event.', location: '$message.header#/ce_correlationid' },
    bindings: {
      kafka: { key: { type: 'string', pattern: `^${streamIdPrefix}`, description: 'Stream id: all events of one deal share a key, hence a partition and its order.' }, bindingVersion: '0.5.0' },
    },
  };
};

const deadLetterMessageName = 'DeadLetter';

const deadLetterMessage: AsyncApiMessage = {
  name: deadLetterMessageName,
  title: `Dead letter of ${topic}`,
  summary: 'A message that could not be published as, or consumed as, a valid public event; parked so it never blocks a partition.',
  description:
    'Key, value and headers are the original ones, so a fixed dead letter can be re-published as is; consumers dedupe by ce_id or stream revision, so a replay is safe.',
  headers: deadLetterHeadersSchema(),
  payload: {
    description:
      'The original value, unchanged: the event payload as JSON from the relay (which may violate its contract: that is why it is here); ' +
      'from a projection consumer, whatever bytes it received.',
  },
  bindings: {
    kafka: { key: { type: ['string', 'null'], description: `The original key: the stream id (${streamIdPrefix}…), or none for a keyless malformed message.` }, bindingVersion: '0.5.0' },
  },
};

const guarantees =
  'Delivery is at least once: the relay saves its checkpoint only after the broker acknowledged a batch, so a crash re-sends it, identical ' +
  '(same ce_id). Events of one stream keep their order (key = stream id, one request in flight); across streams there is no order, ' +
  'ce_globalposition gives the feed order. Consumers dedupe by ce_id, or by keeping the last ce_streamrevision applied per document.';

const eventsChannel: AsyncApiChannel = {
  address: topic,
  title: 'Opportunity events',
  description:
    `Public events of the opportunities context (streams \`${streamIdPrefix}<uuid>\`), one message per event type and version. ` +
    `Every topic name gets KAFKA_TOPIC_PREFIX in front (empty by default). The Kafka binding gives the defaults a missing ` +
    `topic is created with; an existing topic keeps its own. ${guarantees}`,
  messages: Object.fromEntries(opportunityContractTypes.map((type) => [type, ref(`#/components/messages/${type}`)])),
  bindings: { kafka: topicBinding(defaultTopicSettings.retentionMs) },
};

const deadLetterChannel: AsyncApiChannel = {
  address: deadLetterTopic,
  title: 'Opportunity dead letters',
  description: `Poison messages of ${topic}, parked by the relay or by a projection consumer with the cause in dlq-* headers. Longer retention, so they outlive their investigation.`,
  messages: { [deadLetterMessageName]: ref(`#/components/messages/${deadLetterMessageName}`) },
  bindings: { kafka: topicBinding(defaultTopicSettings.deadLetterRetentionMs) },
};

/**
 * AsyncAPI 3 describes one application; this document describes the Meridian
 * platform, as its OpenAPI document describes its HTTP API. Hence `send`: the
 * relay sends every event, and the relay and projection consumers send dead
 * letters. A consumer team reads `send` as "what Meridian sends you".
 */
export const buildOpportunitiesAsyncApi = (): AsyncApiDocument => ({
  asyncapi: '3.0.0',
  info: {
    title: 'Meridian opportunities events',
    version: documentVersion,
    description:
      `Events of the opportunities bounded context on Kafka topic \`${topic}\`, as the relay publishes them from the event store: ` +
      'CloudEvents 1.0 in binary content mode (attributes in `ce_*` headers, value = the public payload as JSON, validated against its ' +
      'JSON Schema 2020-12 contract), key = stream id. Generated from the code by tools/asyncapi; see docs/kafka.md.',
    license: { name: 'Apache-2.0' },
  },
  servers: {
    local: {
      host: 'localhost:9092',
      protocol: 'kafka',
      title: 'Local broker',
      description: 'A broker on its default port. `npm run infra:up` starts a single-node one on a free port instead (`npm run infra:env` prints KAFKA_BROKERS).',
    },
  },
  channels: { [topic]: eventsChannel, [deadLetterTopic]: deadLetterChannel },
  operations: {
    publishOpportunityEvents: {
      action: 'send',
      title: 'Publish opportunity events',
      description: `The relay publishes every stored event of an ${streamIdPrefix}… stream whose payload satisfies its contract. ${guarantees}`,
      channel: ref(`#/channels/${topic}`),
      messages: opportunityContractTypes.map((type) => channelMessageRef(topic, type)),
    },
    publishDeadLetters: {
      action: 'send',
      title: 'Park poison messages',
      description: 'The relay sends events it cannot publish as valid public events; projection consumers re-publish messages they cannot decode or project. Then both move on.',
      channel: ref(`#/channels/${deadLetterTopic}`),
      messages: [channelMessageRef(deadLetterTopic, deadLetterMessageName)],
    },
  },
  components: {
    messages: {
      ...Object.fromEntries(opportunityContractTypes.map((type) => [type, eventMessage(type)])),
      [deadLetterMessageName]: deadLetterMessage,
    },
  },
});
