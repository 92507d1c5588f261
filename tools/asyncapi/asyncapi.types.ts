/**
 * The part of AsyncAPI 3.0.0 this repository writes, typed so the builder and
 * its spec read fields without casts. The official JSON Schema
 * (`@asyncapi/specs`) remains the judge of validity, not these types.
 */

/** A JSON Schema (or AsyncAPI Schema Object) node. */
export type SchemaObject = Readonly<Record<string, unknown>>;

export type Reference = Readonly<{ $ref: string }>;

/** Application headers of a Kafka message: a map of header name → string schema. */
export type HeadersSchema = Readonly<{
  type: 'object';
  description?: string;
  required: readonly string[];
  properties: Readonly<Record<string, SchemaObject>>;
}>;

/** A schema in a format other than the AsyncAPI Schema Object, e.g. JSON Schema 2020-12. */
export type MultiFormatSchema = Readonly<{ schemaFormat: string; schema: SchemaObject }>;

export type KafkaMessageBinding = Readonly<{ key: SchemaObject; bindingVersion: '0.5.0' }>;

export type AsyncApiMessage = Readonly<{
  name: string;
  title: string;
  summary: string;
  description?: string;
  contentType?: string;
  headers: HeadersSchema;
  payload: MultiFormatSchema | SchemaObject;
  correlationId?: Readonly<{ description: string; location: string }>;
  bindings: Readonly<{ kafka: KafkaMessageBinding }>;
}>;

export type KafkaChannelBinding = Readonly<{
  partitions: number;
  replicas: number;
  topicConfiguration: Readonly<{ 'retention.ms': number }>;
  bindingVersion: '0.5.0';
}>;

export type AsyncApiChannel = Readonly<{
  address: string;
  title: string;
  description: string;
  messages: Readonly<Record<string, Reference>>;
  bindings: Readonly<{ kafka: KafkaChannelBinding }>;
}>;

export type AsyncApiOperation = Readonly<{
  action: 'send' | 'receive';
  title: string;
  description: string;
  channel: Reference;
  messages: readonly Reference[];
}>;

export type AsyncApiServer = Readonly<{ host: string; protocol: 'kafka'; title: string; description: string }>;

export type AsyncApiDocument = Readonly<{
  asyncapi: '3.0.0';
  info: Readonly<{ title: string; version: string; description: string; license: Readonly<{ name: string }> }>;
  servers: Readonly<Record<string, AsyncApiServer>>;
  channels: Readonly<Record<string, AsyncApiChannel>>;
  operations: Readonly<Record<string, AsyncApiOperation>>;
  components: Readonly<{ messages: Readonly<Record<string, AsyncApiMessage>> }>;
}>;
