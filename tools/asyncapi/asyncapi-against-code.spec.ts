import type { Kafka, Message, ProducerRecord } from 'kafkajs';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { createEventRouter, deadLetterTopicOf, defaultTopicSettings, textHeadersOf, toCloudEventHeaders } from '@meridian/platform/kafka';
import { createKafkaDeadLetterSink } from '@meridian/platform/projections';
import { sampleRecordedEvent } from '../../libs/platform/kafka/src/testing/sample-recorded-event';
import type { MultiFormatSchema, Reference } from './asyncapi.types';
import { contractOf, contractTypesOf } from './asyncapi-context';
import { asyncApiContexts } from './asyncapi-contexts';
import { relaySamples } from './asyncapi-samples';
import { contractAjv, keyMatches, resolveIn, sorted, validHeaders } from './asyncapi-spec-support';
import { buildContextAsyncApi, deadLetterMessageName, jsonSchema202012Format, publishEventsOperationOf } from './context-asyncapi';

const contexts = asyncApiContexts.map((context) => ({ name: context.name, context, document: buildContextAsyncApi(context) }));

/** An event stored without trace context: its message must still carry `traceparent`, which the document marks required. */
const withoutTraceparent = (event: RecordedEvent): RecordedEvent => {
  const { traceparent: _dropped, ...metadata } = event.metadata;
  return { ...event, metadata };
};

describe.each(contexts)('the $name document against the code', ({ name, context, document }) => {
  const { catalogue } = context;
  const { topic, source, streamCategories, validatorOptions } = catalogue;
  const dlqTopic = deadLetterTopicOf(topic);
  const messages = document.components.messages;
  const types = contractTypesOf(context);
  const resolve = resolveIn(document);
  /** Routed as the relay routes: with every context's catalogue. */
  const router = createEventRouter({ catalogues: publicCatalogues });
  const samples = relaySamples[name] ?? [];
  /** The shared sample event, moved onto one of this topic's streams so its key and ce_subject belong here. */
  const storedEvent: RecordedEvent = { ...sampleRecordedEvent, streamId: `${streamCategories[0]}-6f1c0d2e-aaaa-bbbb-cccc-000000000001` };

  it('has exactly one message per contract, named by its event type, on the topic channel and in the publish operation', () => {
    expect(sorted(Object.keys(messages).filter((message) => message !== deadLetterMessageName))).toEqual(sorted(types));
    expect(document.channels[topic].address).toBe(topic);
    expect(sorted(Object.keys(document.channels[topic].messages))).toEqual(sorted(types));
    const operation = document.operations[publishEventsOperationOf(context)];
    expect(resolve(operation.channel)).toBe(document.channels[topic]);
    const published = operation.messages.map((reference) => resolve(resolve(reference) as Reference));
    expect(published).toEqual(types.map((type) => messages[type]));
    for (const type of types) expect(messages[type].name).toBe(type);
  });

  it('names every stream category in the key description of every message', () => {
    const keyDescriptions = [...types.map((type) => messages[type]), messages[deadLetterMessageName]].map(({ bindings }) => String(bindings.kafka.key.description));
    for (const description of keyDescriptions) for (const category of streamCategories) expect(description).toContain(`${category}-`);
  });

  it.each(types)('%s: the payload is the registry\'s JSON Schema 2020-12, and compiles as one', (type) => {
    const payload = messages[type].payload as MultiFormatSchema;
    expect(payload).toEqual({ schemaFormat: jsonSchema202012Format, schema: contractOf(context, type).schema });
    expect(() => contractAjv(validatorOptions).compile(payload.schema)).not.toThrow();
  });

  it.each(types)('%s: the headers are exactly those toCloudEventHeaders writes; required = always written', (type) => {
    const { ceType, version } = contractOf(context, type);
    const event = { ...storedEvent, type, metadata: { ...storedEvent.metadata, schemaVersion: version } };
    const full = toCloudEventHeaders(event, { source, ceType });
    const minimal = toCloudEventHeaders(withoutTraceparent(event), { source, ceType });
    const schema = messages[type].headers;
    expect(sorted(Object.keys(schema.properties))).toEqual(sorted(Object.keys(full)));
    expect(sorted(schema.required)).toEqual(sorted(Object.keys(minimal)));
    expect(schema.properties.ce_type).toMatchObject({ const: ceType });
    expect(validHeaders(schema, full)).toBe('');
    expect(validHeaders(schema, minimal)).toBe('');
  });

  it('has a valid relay sample for every stream category', () => {
    expect(sorted(new Set(samples.map(({ streamId }) => streamId.slice(0, streamId.indexOf('-')))))).toEqual(sorted(streamCategories));
  });

  it.each(samples.map((sample) => [`${sample.type} on ${sample.streamId}`, sample] as const))(
    'describes what the relay really sends for a valid event (%s): topic, key, headers and value',
    (_name, { streamId, type, data }) => {
      const sent = router.route({ ...storedEvent, streamId, type, data });
      const message = messages[type];
      expect(sent.deadLetter).toBeUndefined();
      expect(sent.topic).toBe(document.channels[topic].address);
      expect(keyMatches(message.bindings.kafka.key, sent.key)).toBe(true);
      expect(validHeaders(message.headers, sent.headers)).toBe('');
      expect(contractAjv(validatorOptions).validate((message.payload as MultiFormatSchema).schema, JSON.parse(sent.value))).toBe(true);
    },
  );

  const violating = { ...storedEvent, type: types[0], data: {}, metadata: { ...storedEvent.metadata, schemaVersion: contractOf(context, types[0]).version } };
  it.each([
    ['a payload that violates its contract', violating, 'schema-violation'],
    ['an event type without a contract', { ...storedEvent, type: 'NoSuchEventEverPublished' }, 'no-contract'],
  ])('parks %s on the dead-letter channel with the headers it describes', (_case, event, reason) => {
    const sent = router.route(event);
    const deadLetter = messages[deadLetterMessageName];
    expect(sent.deadLetter?.reason).toBe(reason);
    expect(sent.topic).toBe(document.channels[dlqTopic].address);
    expect(keyMatches(deadLetter.bindings.kafka.key, sent.key)).toBe(true);
    expect(validHeaders(deadLetter.headers, sent.headers)).toBe('');
    const dlqHeaders = Object.keys(sent.headers).filter((header) => header.startsWith('dlq-'));
    expect(sorted(dlqHeaders)).toEqual(sorted(deadLetter.headers.required));
  });

  it.each(['malformed', 'projection-failed'] as const)('describes the dead letters a projection consumer sends (%s)', async (cause) => {
    const records: ProducerRecord[] = [];
    const producer = { connect: async () => undefined, disconnect: async () => undefined, send: async (record: ProducerRecord) => { records.push(record); return []; } };
    const sink = createKafkaDeadLetterSink({ producer: () => producer } as unknown as Kafka, `${context.exampleReadModel}.g1`);
    await sink.send(topic, { key: null, value: Buffer.from('not json'), headers: {}, offset: '7' }, cause, 'broken');
    const [{ topic: sentTo, messages: [sent] }] = records as [ProducerRecord & { messages: [Message] }];
    const deadLetter = messages[deadLetterMessageName];
    expect(sentTo).toBe(document.channels[dlqTopic].address);
    expect(keyMatches(deadLetter.bindings.kafka.key, sent.key?.toString() ?? null)).toBe(true);
    const headers = textHeadersOf(sent.headers ?? {});
    expect(validHeaders(deadLetter.headers, headers)).toBe('');
    expect(sorted(Object.keys(headers))).toEqual(sorted(Object.keys(deadLetter.headers.properties)));
  });

  it('gives both topics the partitions, replicas and retention the relay creates them with', () => {
    const { partitions, replicationFactor: replicas, retentionMs, deadLetterRetentionMs } = defaultTopicSettings;
    expect(document.channels[topic].bindings.kafka).toMatchObject({ partitions, replicas, topicConfiguration: { 'retention.ms': retentionMs } });
    expect(document.channels[dlqTopic].bindings.kafka).toMatchObject({ partitions, replicas, topicConfiguration: { 'retention.ms': deadLetterRetentionMs } });
    expect(document.operations.publishDeadLetters.messages.map((reference) => resolve(resolve(reference) as Reference))).toEqual([messages[deadLetterMessageName]]);
  });

  it('refuses to build while a stream category of the catalogue is undescribed, or a described one is gone', () => {
    const [, ...others] = streamCategories;
    const streams = Object.fromEntries(others.map((category) => [category, context.streams[category]]));
    expect(() => buildContextAsyncApi({ ...context, streams })).toThrow(`undescribed: ${streamCategories[0]}`);
    expect(() => buildContextAsyncApi({ ...context, streams: { ...context.streams, gone: { id: 'uuid', onePer: 'nothing' } } })).toThrow('stale: gone');
  });
});
