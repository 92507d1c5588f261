import { deadLetterTopicOf, defaultTopicSettings, jsonContentType } from '@meridian/platform/kafka';
import type { AsyncApiContext, DescribedStream } from './asyncapi-context';
import { contractOf, contractTypesOf, describedStreams, descriptionOf, listed, streamIdPattern } from './asyncapi-context';
import { cloudEventHeadersSchema, deadLetterHeadersSchema } from './asyncapi-headers';
import type { AsyncApiChannel, AsyncApiDocument, AsyncApiMessage, KafkaChannelBinding, Reference } from './asyncapi.types';

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

export const deadLetterMessageName = 'DeadLetter';

/** `publishOpportunityEvents`: the id of the operation that publishes a context's events. */
export const publishEventsOperationOf = (context: AsyncApiContext): string => `publish${context.entity}Events`;

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

const guarantees =
  'Delivery is at least once: the relay saves its checkpoint only after the broker acknowledged a batch, so a crash re-sends it, identical ' +
  '(same ce_id). Events of one stream keep their order (key = stream id, one request in flight); across streams there is no order, ' +
  'ce_globalposition gives the feed order. Consumers dedupe by ce_id, or by keeping the last ce_streamrevision applied per document.';

const streamIdsOf = (streams: readonly DescribedStream[]): string[] => streams.map(({ category, id }) => `\`${category}-<${id}>\``);
const prefixesOf = (streams: readonly DescribedStream[]): string => listed(streams.map(({ category }) => `${category}-…`), 'or');
const articleOf = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

const keyDescriptionOf = (streams: readonly DescribedStream[]): string =>
  `Stream id (${streams.map(({ category, id, onePer }) => `\`${category}-<${id}>\`, one per ${onePer}`).join('; ')}): ` +
  'all events of one stream share a key, hence a partition and its order.';

/** The `dlq-error` the relay writes when the example field is missing; checked against the contract, so it cannot name a field that is not required. */
const exampleErrorOf = (context: AsyncApiContext): string => {
  const { type, missingField } = context.exampleViolation;
  const { ceType, schema } = contractOf(context, type);
  const required: unknown = schema.required;
  if (!Array.isArray(required) || !required.includes(missingField)) throw new Error(`${context.name}: ${missingField} is not a required field of ${type}`);
  return `Payload violates ${ceType}: / must have required property '${missingField}'`;
};

const eventMessage = (context: AsyncApiContext, streams: readonly DescribedStream[], type: string): AsyncApiMessage => {
  const { source, streamCategories } = context.catalogue;
  const { ceType, version, schema } = contractOf(context, type);
  return {
    name: type,
    title: `${type} v${version}`,
    summary: descriptionOf(context, type),
    contentType: jsonContentType,
    headers: cloudEventHeadersSchema({ source, ceType, schemaVersion: version, streamCategories }),
    payload: { schemaFormat: jsonSchema202012Format, schema },
    correlationId: { description: 'Correlation id of the request or flow that caused the event.', location: '$message.header#/ce_correlationid' },
    bindings: {
      kafka: { key: { type: 'string', pattern: streamIdPattern(streamCategories), description: keyDescriptionOf(streams) }, bindingVersion: '0.5.0' },
    },
  };
};

const deadLetterMessage = (context: AsyncApiContext, streams: readonly DescribedStream[]): AsyncApiMessage => ({
  name: deadLetterMessageName,
  title: `Dead letter of ${context.catalogue.topic}`,
  summary: 'A message that could not be published as, or consumed as, a valid public event; parked so it never blocks a partition.',
  description:
    'Key, value and headers are the original ones, so a fixed dead letter can be re-published as is; consumers dedupe by ce_id or stream revision, so a replay is safe.',
  headers: deadLetterHeadersSchema({
    topic: context.catalogue.topic,
    exampleError: exampleErrorOf(context),
    exampleConsumerGroup: `${context.exampleReadModel}.g1`,
  }),
  payload: {
    description:
      'The original value, unchanged: the event payload as JSON from the relay (which may violate its contract: that is why it is here); ' +
      'from a projection consumer, whatever bytes it received.',
  },
  bindings: {
    kafka: {
      key: { type: ['string', 'null'], description: `The original key: the stream id (${prefixesOf(streams)}), or none for a keyless malformed message.` },
      bindingVersion: '0.5.0',
    },
  },
});

const channelsOf = (context: AsyncApiContext, streams: readonly DescribedStream[]): Record<string, AsyncApiChannel> => {
  const { topic } = context.catalogue;
  const events: AsyncApiChannel = {
    address: topic,
    title: `${context.entity} events`,
    description:
      `Public events of the ${context.name} context (streams ${listed(streamIdsOf(streams), 'and')}), one message per event type and version. ` +
      `Every topic name gets KAFKA_TOPIC_PREFIX in front (empty by default). The Kafka binding gives the defaults a missing ` +
      `topic is created with; an existing topic keeps its own. ${guarantees}`,
    messages: Object.fromEntries(contractTypesOf(context).map((type) => [type, ref(`#/components/messages/${type}`)])),
    bindings: { kafka: topicBinding(defaultTopicSettings.retentionMs) },
  };
  const deadLetters: AsyncApiChannel = {
    address: deadLetterTopicOf(topic),
    title: `${context.entity} dead letters`,
    description: `Poison messages of ${topic}, parked by the relay or by a projection consumer with the cause in dlq-* headers. Longer retention, so they outlive their investigation.`,
    messages: { [deadLetterMessageName]: ref(`#/components/messages/${deadLetterMessageName}`) },
    bindings: { kafka: topicBinding(defaultTopicSettings.deadLetterRetentionMs) },
  };
  return { [topic]: events, [deadLetterTopicOf(topic)]: deadLetters };
};

/**
 * AsyncAPI 3 describes one application; each document describes the Meridian
 * platform as seen on one context's topics, as its OpenAPI document describes
 * its HTTP API. Hence `send`: the relay sends every event, and the relay and
 * projection consumers send dead letters. A consumer team reads `send` as
 * "what Meridian sends you".
 */
export const buildContextAsyncApi = (context: AsyncApiContext): AsyncApiDocument => {
  const streams = describedStreams(context);
  const { topic } = context.catalogue;
  const deadLetterTopic = deadLetterTopicOf(topic);
  const types = contractTypesOf(context);
  const prefixes = prefixesOf(streams);
  return {
    asyncapi: '3.0.0',
    info: {
      title: `Meridian ${context.name} events`,
      version: documentVersion,
      description:
        `Events of the ${context.name} bounded context on Kafka topic \`${topic}\`, as the relay publishes them from the event store: ` +
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
    channels: channelsOf(context, streams),
    operations: {
      [publishEventsOperationOf(context)]: {
        action: 'send',
        title: `Publish ${context.entity.toLowerCase()} events`,
        description: `The relay publishes every stored event of ${articleOf(prefixes)} ${prefixes} stream whose payload satisfies its contract. ${guarantees}`,
        channel: ref(`#/channels/${topic}`),
        messages: types.map((type) => channelMessageRef(topic, type)),
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
        ...Object.fromEntries(types.map((type) => [type, eventMessage(context, streams, type)])),
        [deadLetterMessageName]: deadLetterMessage(context, streams),
      },
    },
  };
};
