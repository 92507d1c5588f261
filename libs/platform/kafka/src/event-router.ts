import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { categoryOf } from '@meridian/platform/eventsourcing';
import type { CloudEventHeaders } from './cloud-event-headers';
import { fallbackCeTypeOf, toCloudEventHeaders } from './cloud-event-headers';
import type { PublicEventCatalogue } from './event-catalogue';
import { deadLetterTopicOf, unroutedTopic } from './event-catalogue';

export type DeadLetterReason = 'schema-violation' | 'no-contract' | 'no-route';

/** One Kafka message the relay will send; `deadLetter` is set when it goes to a `.dlq` topic. */
export type OutgoingMessage = Readonly<{
  topic: string;
  key: string;
  value: string;
  headers: CloudEventHeaders;
  deadLetter?: Readonly<{ reason: DeadLetterReason; error: string }>;
}>;

/** Dead-letter headers, beside the CloudEvents ones (which stay, so the event can be replayed as is). */
export const deadLetterHeaders = { reason: 'dlq-reason', error: 'dlq-error', topic: 'dlq-topic' } as const;

export type EventRouterOptions = Readonly<{
  catalogues: readonly PublicEventCatalogue[];
  /** Prepended to every topic name (deployment namespace; tests use a unique one). */
  topicPrefix?: string;
}>;

export type EventRouter = Readonly<{
  route: (event: RecordedEvent) => OutgoingMessage;
  /** Every topic `route` can answer, dead-letter topics included: created at start. */
  topics: readonly RoutedTopic[];
}>;

export type RoutedTopic = Readonly<{ name: string; deadLetter: boolean }>;

type CompiledCatalogue = Readonly<{ catalogue: PublicEventCatalogue; topic: string }>;

/** Long ajv reports are cut so a header stays well under Kafka's message limits. */
const maxErrorLength = 2000;

/**
 * Decides, for each event, the topic, key, headers and value. Deterministic:
 * the same event always yields the same message, which is what makes a
 * re-send after a crash a harmless duplicate (same `ce_id`). Never throws for
 * a bad event: it becomes a dead letter instead, so the feed never stalls.
 */
export const createEventRouter = (options: EventRouterOptions): EventRouter => {
  const prefix = options.topicPrefix ?? '';
  const byCategory = new Map<string, CompiledCatalogue>();
  const compiledCatalogues = options.catalogues.map((catalogue) => ({ catalogue, topic: `${prefix}${catalogue.topic}` }));
  for (const compiled of compiledCatalogues) {
    for (const category of compiled.catalogue.streamCategories) {
      if (byCategory.has(category)) throw new Error(`Two catalogues claim stream category "${category}"`);
      byCategory.set(category, compiled);
    }
  }
  const unrouted = `${prefix}${unroutedTopic}`;
  const topics = compiledCatalogues.flatMap(({ topic }) => [
    { name: topic, deadLetter: false },
    { name: deadLetterTopicOf(topic), deadLetter: true },
  ]);

  const route = (event: RecordedEvent): OutgoingMessage => {
    const value = JSON.stringify(event.data ?? null);
    const compiled = event.streamId.includes('-') ? byCategory.get(categoryOf(event.streamId)) : undefined;
    if (!compiled) {
      const headers = toCloudEventHeaders(event, { source: '/meridian/unrouted', ceType: fallbackCeTypeOf(unroutedTopic, event) });
      return deadLetter(event, value, headers, unrouted, 'no-route', `No catalogue claims the stream category of "${event.streamId}"`);
    }
    const { catalogue, topic } = compiled;
    const contract = Object.prototype.hasOwnProperty.call(catalogue.contracts, event.type) ? catalogue.contracts[event.type] : undefined;
    if (!contract || contract.version !== event.metadata.schemaVersion) {
      const headers = toCloudEventHeaders(event, { source: catalogue.source, ceType: fallbackCeTypeOf(catalogue.topic, event) });
      const known = contract ? ` (known: v${contract.version})` : '';
      return deadLetter(event, value, headers, topic, 'no-contract', `No contract for ${event.type} v${event.metadata.schemaVersion}${known}`);
    }
    const headers = toCloudEventHeaders(event, { source: catalogue.source, ceType: contract.ceType });
    const validate = validatorOf(catalogue, event.type);
    if (!validate(event.data)) {
      const error = `Payload violates ${contract.ceType}: ${validatorErrors(validate)}`;
      return deadLetter(event, value, headers, topic, 'schema-violation', error);
    }
    return { topic, key: event.streamId, value, headers };
  };

  return { route, topics: [...topics, { name: deadLetterTopicOf(unrouted), deadLetter: true }] };
};

type CatalogueValidators = { ajv: Ajv2020; byType: Map<string, ValidateFunction> };

/**
 * Each contract's validator, compiled on its first event and shared by every
 * router of the process: a host runs several (one per in-process feed, over
 * the same catalogues), and compiling every schema up front was most of a
 * standalone start. One ajv per catalogue: each context's contracts bring
 * their own validator options.
 */
const compiled = new WeakMap<PublicEventCatalogue, CatalogueValidators>();

const validatorOf = (catalogue: PublicEventCatalogue, type: string): ValidateFunction => {
  let validators = compiled.get(catalogue);
  if (validators === undefined) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, ...catalogue.validatorOptions });
    addFormats(ajv);
    validators = { ajv, byType: new Map() };
    compiled.set(catalogue, validators);
  }
  let validate = validators.byType.get(type);
  if (validate === undefined) {
    validate = validators.ajv.compile(catalogue.contracts[type].schema);
    validators.byType.set(type, validate);
  }
  return validate;
};

const validatorErrors = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');

const deadLetter = (
  event: RecordedEvent,
  value: string,
  headers: CloudEventHeaders,
  topic: string,
  reason: DeadLetterReason,
  message: string,
): OutgoingMessage => {
  const error = message.length > maxErrorLength ? `${message.slice(0, maxErrorLength)}…` : message;
  return {
    topic: deadLetterTopicOf(topic),
    key: event.streamId,
    value,
    headers: { ...headers, [deadLetterHeaders.reason]: reason, [deadLetterHeaders.error]: error, [deadLetterHeaders.topic]: topic },
    deadLetter: { reason, error },
  };
};
