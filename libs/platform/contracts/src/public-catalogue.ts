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

/** A received public event narrowed to its contract: `type` tells which payload it carries. */
export type ContractEvent<TPayloads> = {
  [TType in keyof TPayloads & string]: Readonly<{ type: TType; payload: TPayloads[TType] }>;
}[keyof TPayloads & string];

/**
 * Types a received payload by its `ce_type`, or `undefined` for a type or
 * version the registry does not know. No validation here: the relay checked
 * the payload against this very schema before publishing it.
 */
export const contractEventOf = <TPayloads>(
  contracts: Readonly<Record<keyof TPayloads & string, Readonly<{ ceType: string }>>>,
  ceType: string,
  payload: unknown,
): ContractEvent<TPayloads> | undefined => {
  const type = contractTypeOfCeType(contracts, ceType);
  return type === undefined ? undefined : ({ type, payload } as ContractEvent<TPayloads>);
};

/** Whether a stored event type has a contract in the registry. */
export const hasContract = <TType extends string>(contracts: Readonly<Record<TType, unknown>>, type: string): type is TType =>
  Object.prototype.hasOwnProperty.call(contracts, type);
