import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Kafka, Message, ProducerRecord } from 'kafkajs';
import { parse } from 'yaml';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { contractValidatorOptions, opportunitiesPublicCatalogue, opportunityContractTypes, opportunityContracts } from '@meridian/opportunities/contracts';
import { createEventRouter, deadLetterTopicOf, defaultTopicSettings, textHeadersOf, toCloudEventHeaders } from '@meridian/platform/kafka';
import { createKafkaDeadLetterSink } from '@meridian/platform/projections';
import { sampleRecordedEvent } from '../../libs/platform/kafka/src/testing/sample-recorded-event';
import type { HeadersSchema, MultiFormatSchema, Reference, SchemaObject } from './asyncapi.types';
import { compileAsyncApi300Validator, errorsOf } from './asyncapi-validator';
import { opportunitiesAsyncApiPath, regenerateAsyncApiCommand, renderAsyncApiYaml, updateAsyncApiVariable, writeOpportunitiesAsyncApi } from './generate-asyncapi';
import { buildOpportunitiesAsyncApi, jsonSchema202012Format } from './opportunities-asyncapi';

const document = buildOpportunitiesAsyncApi();
const { topic } = opportunitiesPublicCatalogue;
const dlqTopic = deadLetterTopicOf(topic);
const messages = document.components.messages;
const router = createEventRouter({ catalogues: [opportunitiesPublicCatalogue] });

/** Header and key schemas are AsyncAPI Schema Objects (draft-07 superset): judged by a draft-07 validator. */
const draft07 = new Ajv({ strict: false, allErrors: true });
addFormats(draft07);
const validHeaders = (schema: HeadersSchema, headers: Readonly<Record<string, string>>): string => {
  const validate = draft07.compile(schema);
  return validate(headers) ? '' : errorsOf(validate);
};
/** As the relay validates payloads: JSON Schema 2020-12, strict, with the contracts' options. */
const contractAjv = (): Ajv2020 => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
  addFormats(ajv);
  return ajv;
};
const keyMatches = (schema: SchemaObject, key: string | null): boolean => draft07.validate(schema, key);

/** Follows a local `$ref` (JSON Pointer, RFC 6901) inside the document. */
const resolve = ({ $ref }: Reference): unknown =>
  $ref.replace(/^#\//, '').split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], document);

const withoutTraceparent = (event: RecordedEvent): RecordedEvent => {
  const { traceparent: _dropped, ...metadata } = event.metadata;
  return { ...event, metadata };
};
const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('docs/asyncapi/opportunities.asyncapi.yaml', () => {
  beforeAll(() => {
    if (process.env[updateAsyncApiVariable] === '1') writeOpportunitiesAsyncApi();
  });

  it('is exactly the document built from the code', () => {
    const expected = renderAsyncApiYaml(document);
    const committed = existsSync(opportunitiesAsyncApiPath) ? readFileSync(opportunitiesAsyncApiPath, 'utf8') : '';
    if (committed !== expected) {
      const [have, want] = [committed.split('\n'), expected.split('\n')];
      const differs = want.findIndex((text, index) => have[index] !== text);
      const line = differs === -1 ? want.length : differs;
      throw new Error(
        `${opportunitiesAsyncApiPath} is stale (first difference at line ${line + 1}: "${have[line] ?? '<end of file>'}" should be "${want[line] ?? '<end of file>'}").\n` +
          `Regenerate it with: ${regenerateAsyncApiCommand}`,
      );
    }
    expect(parse(committed)).toEqual(document);
  });
});

describe('the document against the official AsyncAPI 3.0.0 JSON Schema', () => {
  const validate = compileAsyncApi300Validator();

  it('is valid', () => {
    expect(validate(document) ? '' : errorsOf(validate)).toBe('');
  });

  /** Each breaks one rule of the schema: if any of these passed, a "valid" verdict would mean nothing. */
  /** Each breaks one rule of the schema, and must be rejected at that spot: otherwise "valid" would mean nothing. */
  const broken: [string, readonly string[], unknown, string][] = [
    ['a channel address that is not a string', ['channels', topic, 'address'], 9092, `/channels/${topic}/address must be string,null`],
    ['an operation action AsyncAPI 3 removed', ['operations', 'publishOpportunityEvents', 'action'], 'publish', '/operations/publishOpportunityEvents/action must be equal to one of the allowed values'],
    ['a Kafka topic binding with zero partitions', ['channels', topic, 'bindings', 'kafka', 'partitions'], 0, `/channels/${topic}/bindings/kafka/partitions must be >= 1`],
    ['a message field the spec does not define', ['components', 'messages', 'OpportunityWon', 'key'], 'x', '/components/messages/OpportunityWon must NOT have additional properties'],
    ['no info version', ['info', 'version'], undefined, "/info must have required property 'version'"],
  ];
  it.each(broken)('rejects %s (so the check can fail)', (_name, path, value, expectedError) => {
    const copy = structuredClone(document) as unknown;
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
    const last = path[path.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    expect(validate(copy)).toBe(false);
    expect(errorsOf(validate).split('\n')).toContain(expectedError);
  });
});

describe('the document against the code', () => {
  const eventMessageNames = Object.keys(messages).filter((name) => name !== 'DeadLetter');

  it('has exactly one message per contract, named by its event type, on the topic channel and in the publish operation', () => {
    expect(sorted(eventMessageNames)).toEqual(sorted(opportunityContractTypes));
    expect(document.channels[topic].address).toBe(topic);
    expect(sorted(Object.keys(document.channels[topic].messages))).toEqual(sorted(opportunityContractTypes));
    const operation = document.operations.publishOpportunityEvents;
    expect(resolve(operation.channel)).toBe(document.channels[topic]);
    const published = operation.messages.map((reference) => resolve(resolve(reference) as Reference));
    expect(published).toEqual(opportunityContractTypes.map((type) => messages[type]));
    for (const type of opportunityContractTypes) expect(messages[type].name).toBe(type);
  });

  it.each(opportunityContractTypes)('%s: the payload is the registry\'s JSON Schema 2020-12, and compiles as one', (type) => {
    const payload = messages[type].payload as MultiFormatSchema;
    expect(payload).toEqual({ schemaFormat: jsonSchema202012Format, schema: opportunityContracts[type].schema });
    expect(() => contractAjv().compile(payload.schema)).not.toThrow();
  });

  it.each(opportunityContractTypes)('%s: the headers are exactly those toCloudEventHeaders writes; required = always written', (type) => {
    const { ceType, version } = opportunityContracts[type];
    const event = { ...sampleRecordedEvent, type, metadata: { ...sampleRecordedEvent.metadata, schemaVersion: version } };
    const attributes = { source: opportunitiesPublicCatalogue.source, ceType };
    const full = toCloudEventHeaders(event, attributes);
    const minimal = toCloudEventHeaders(withoutTraceparent(event), attributes);
    const schema = messages[type].headers;
    expect(sorted(Object.keys(schema.properties))).toEqual(sorted(Object.keys(full)));
    expect(sorted(schema.required)).toEqual(sorted(Object.keys(minimal)));
    expect(schema.properties.ce_type).toMatchObject({ const: ceType });
    expect(validHeaders(schema, full)).toBe('');
    expect(validHeaders(schema, minimal)).toBe('');
  });

  it('describes what the relay really sends for a valid event: topic, key, headers and value', () => {
    const data = { opportunityId: 'opp-1', fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: '2026-03-01T09:00:00.000Z' };
    const sent = router.route({ ...sampleRecordedEvent, data });
    const message = messages.OpportunityStageChanged;
    expect(sent.deadLetter).toBeUndefined();
    expect(sent.topic).toBe(document.channels[topic].address);
    expect(keyMatches(message.bindings.kafka.key, sent.key)).toBe(true);
    expect(validHeaders(message.headers, sent.headers)).toBe('');
    expect(contractAjv().validate((message.payload as MultiFormatSchema).schema, JSON.parse(sent.value))).toBe(true);
  });

  it.each([
    ['a payload that violates its contract', sampleRecordedEvent],
    ['an event type without a contract', { ...sampleRecordedEvent, type: 'OpportunityRenamed' }],
  ])('parks %s on the dead-letter channel with the headers it describes', (_case, event) => {
    const sent = router.route(event);
    expect(sent.topic).toBe(document.channels[dlqTopic].address);
    expect(keyMatches(messages.DeadLetter.bindings.kafka.key, sent.key)).toBe(true);
    expect(validHeaders(messages.DeadLetter.headers, sent.headers)).toBe('');
    const dlqHeaders = Object.keys(sent.headers).filter((name) => name.startsWith('dlq-'));
    expect(sorted(dlqHeaders)).toEqual(sorted(messages.DeadLetter.headers.required));
  });

  it.each(['malformed', 'projection-failed'] as const)('describes the dead letters a projection consumer sends (%s)', async (cause) => {
    const records: ProducerRecord[] = [];
    const producer = { connect: async () => undefined, disconnect: async () => undefined, send: async (record: ProducerRecord) => { records.push(record); return []; } };
    const sink = createKafkaDeadLetterSink({ producer: () => producer } as unknown as Kafka, 'opportunity-list.g1');
    await sink.send(topic, { key: null, value: Buffer.from('not json'), headers: {}, offset: '7' }, cause, 'broken');
    const [{ topic: sentTo, messages: [sent] }] = records as [ProducerRecord & { messages: [Message] }];
    expect(sentTo).toBe(document.channels[dlqTopic].address);
    expect(keyMatches(messages.DeadLetter.bindings.kafka.key, sent.key?.toString() ?? null)).toBe(true);
    const headers = textHeadersOf(sent.headers ?? {});
    expect(validHeaders(messages.DeadLetter.headers, headers)).toBe('');
    expect(sorted(Object.keys(headers))).toEqual(sorted(Object.keys(messages.DeadLetter.headers.properties)));
  });

  it('gives both topics the partitions, replicas and retention the relay creates them with', () => {
    const { partitions, replicationFactor: replicas, retentionMs, deadLetterRetentionMs } = defaultTopicSettings;
    expect(document.channels[topic].bindings.kafka).toMatchObject({ partitions, replicas, topicConfiguration: { 'retention.ms': retentionMs } });
    expect(document.channels[dlqTopic].bindings.kafka).toMatchObject({ partitions, replicas, topicConfiguration: { 'retention.ms': deadLetterRetentionMs } });
    expect(document.operations.publishDeadLetters.messages.map((reference) => resolve(resolve(reference) as Reference))).toEqual([messages.DeadLetter]);
  });
});

describe('docs/event-catalogue.md against the contracts', () => {
  const catalogue = readFileSync(join(__dirname, '../../docs/event-catalogue.md'), 'utf8').split('\n');
  /** The lines under `### <type>` up to the next heading. */
  const sectionOf = (type: string): string[] => {
    const start = catalogue.indexOf(`### ${type}`);
    if (start === -1) return [];
    const end = catalogue.findIndex((line, index) => index > start && line.startsWith('#'));
    return catalogue.slice(start + 1, end === -1 ? undefined : end);
  };

  it.each(opportunityContractTypes)('%s: lists every field of the contract, and only those, with its required flag and its ce_type', (type) => {
    const { ceType, schema } = opportunityContracts[type];
    const section = sectionOf(type);
    const rows = section.flatMap((line) => {
      const row = /^\| `([^`]+)` \| .* \| (yes|no) \| /.exec(line);
      return row ? [{ field: row[1], required: row[2] === 'yes' }] : [];
    });
    expect(section.join('\n')).toContain(`\`${ceType}\``);
    expect(sorted(rows.map((row) => row.field))).toEqual(sorted(Object.keys(schema.properties)));
    expect(sorted(rows.filter((row) => row.required).map((row) => row.field))).toEqual(sorted(schema.required));
  });
});
