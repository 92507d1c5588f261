import type { ContextCatalogue, ContractVersion } from '@meridian/platform/contracts';

/** How one stream category's ids read in prose: `opportunity-<uuid>`, one per deal. */
export type StreamDescription = Readonly<{
  /** Placeholder for the id after `<category>-`, e.g. `uuid` or `tenantId`. */
  id: string;
  /** What one stream holds, after "one per", e.g. `deal`. */
  onePer: string;
}>;

/**
 * What the generator needs to write one context's document. The catalogue is
 * the code's truth (topic, source, stream categories, contracts); the rest is
 * wording the code cannot give. `streams` must describe exactly the
 * catalogue's stream categories: the builder throws otherwise, so a category
 * added to a catalogue cannot be published with a key nobody described.
 */
export type AsyncApiContext = Readonly<{
  /** Names the file (`docs/asyncapi/<name>.asyncapi.yaml`) and the context in prose. */
  name: string;
  /** Singular, capitalised: `Opportunity` gives "Opportunity events" and `publishOpportunityEvents`. */
  entity: string;
  /** Where the contracts live, for the generated file's banner. */
  contractsLibrary: string;
  catalogue: ContextCatalogue;
  streams: Readonly<Record<string, StreamDescription>>;
  /** A read model that consumes the topic: the example `dlq-consumer` (`<read model>.g1`). */
  exampleReadModel: string;
  /** A contract and one of its required fields: the example `dlq-error` of a schema violation. */
  exampleViolation: Readonly<{ type: string; missingField: string }>;
}>;

/** A stream category with its wording, in the catalogue's order. */
export type DescribedStream = StreamDescription & Readonly<{ category: string }>;

export const describedStreams = (context: AsyncApiContext): readonly DescribedStream[] => {
  const { streamCategories } = context.catalogue;
  const described = Object.keys(context.streams);
  const missing = streamCategories.filter((category) => !described.includes(category));
  const stale = described.filter((category) => !streamCategories.includes(category));
  if (streamCategories.length === 0 || missing.length > 0 || stale.length > 0) {
    throw new Error(
      `${context.name}: describe exactly the stream categories of ${context.catalogue.topic} ` +
        `(catalogue: ${streamCategories.join(', ') || 'none'}; undescribed: ${missing.join(', ') || 'none'}; stale: ${stale.join(', ') || 'none'})`,
    );
  }
  return streamCategories.map((category) => ({ category, ...context.streams[category] }));
};

/** `a`, `a or b`, `a, b or c`: a short list in prose. */
export const listed = (items: readonly string[], conjunction: 'and' | 'or'): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What every key and `ce_subject` on the topic starts with: `^opportunity-`
 * for one category, `^(customer|customer_import)-` for several. A catalogue
 * does not say which event type belongs to which category, so each message
 * admits every category of its topic.
 */
export const streamIdPattern = (categories: readonly string[]): string =>
  categories.length === 1 ? `^${escapeRegExp(categories[0])}-` : `^(${categories.map(escapeRegExp).join('|')})-`;

/** The contract types in catalogue order, which is the order of the messages in the document. */
export const contractTypesOf = (context: AsyncApiContext): readonly string[] => Object.keys(context.catalogue.contracts);

export const contractOf = (context: AsyncApiContext, type: string): ContractVersion => {
  const contract = Object.prototype.hasOwnProperty.call(context.catalogue.contracts, type) ? context.catalogue.contracts[type] : undefined;
  if (!contract) throw new Error(`${context.name}: no contract for event type "${type}" on ${context.catalogue.topic}`);
  return contract;
};

/** A schema's `description`, which the contracts helpers require; thrown for, not guessed, when absent. */
export const descriptionOf = (context: AsyncApiContext, type: string): string => {
  const { description } = contractOf(context, type).schema;
  if (typeof description !== 'string' || description.trim() === '') throw new Error(`${context.name}: the ${type} schema has no description`);
  return description;
};
