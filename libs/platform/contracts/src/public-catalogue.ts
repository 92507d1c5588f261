import { contractValidatorOptions } from './event-schema';

/** One published contract version of one event type, as the relay and consumers see it. */
export type ContractVersion = Readonly<{
  version: number;
  ceType: string;
  schema: Readonly<Record<string, unknown>>;
}>;

/**
 * A context's public face on Kafka: structurally the `PublicEventCatalogue`
 * of platform/kafka, which a contracts library may not import.
 */
export type ContextCatalogue = Readonly<{
  streamCategories: readonly string[];
  topic: string;
  source: string;
  contracts: Readonly<Record<string, ContractVersion>>;
  validatorOptions: typeof contractValidatorOptions;
}>;

export const contextCatalogueOf = (
  options: Readonly<{ streamCategories: readonly string[]; topic: string; source: string; contracts: Readonly<Record<string, ContractVersion>> }>,
): ContextCatalogue => ({
  streamCategories: options.streamCategories,
  topic: options.topic,
  source: options.source,
  contracts: Object.fromEntries(
    Object.entries(options.contracts).map(([type, { version, ceType, schema }]) => [type, { version, ceType, schema }]),
  ),
  validatorOptions: contractValidatorOptions,
});

/** Resolves an incoming `ce_type` to the event type it carries; `undefined` for an unknown type or version. */
export const contractTypeOfCeType = <TType extends string>(
  contracts: Readonly<Record<TType, Readonly<{ ceType: string }>>>,
  ceType: string,
): TType | undefined => (Object.keys(contracts) as TType[]).find((type) => contracts[type].ceType === ceType);
