/**
 * What the relay must know about one bounded context's public events, handed
 * in by the app: this infra library may not depend on contracts libraries, so
 * each context's contracts are adapted into this shape at the edge.
 */
export type PublicEventContract = Readonly<{
  /** Payload schema version this contract describes; an event stamped with another version has no contract. */
  version: number;
  /** Versioned CloudEvents type, e.g. `crm.opportunities.OpportunityWon.v1`. */
  ceType: string;
  /** JSON Schema draft 2020-12 of the public payload. */
  schema: Readonly<Record<string, unknown>>;
}>;

export type PublicEventCatalogue = Readonly<{
  /** Stream categories whose events belong to this context, e.g. `opportunity`; one topic per context. */
  streamCategories: readonly string[];
  /** Topic name without the deployment prefix, e.g. `crm.opportunities`. */
  topic: string;
  /** CloudEvents `source`, e.g. `/meridian/opportunities`. */
  source: string;
  /** Contracts by stored event type. */
  contracts: Readonly<Record<string, PublicEventContract>>;
  /** ajv options the contracts require (e.g. `multipleOfPrecision` for money). */
  validatorOptions: Readonly<Record<string, unknown>>;
}>;

/** Dead-letter topic of a topic: poison messages are parked there, never blocking the partition. */
export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;

/** Where events of a stream category that no catalogue claims are parked (never silently dropped). */
export const unroutedTopic = 'crm.unrouted';
