export type { EventSchema, JsonSchemaNode } from './event-schema';
export { ceTypeOn, contractValidatorOptions, eventSchemaFor, jsonSchemaDialect, schemaIdOn } from './event-schema';
export type { ContractCalendarDate, ContractInstant, ContractMoney } from './contract-values';
export { calendarDateSchema, instantSchema, moneySchema, nonBlankTextSchema, textListSchema, textSchema } from './contract-values';
export type { ContextCatalogue, ContractVersion } from './public-catalogue';
export type { ContractEvent } from './public-catalogue';
export { contextCatalogueOf, contractEventOf, contractTypeOfCeType, hasContract } from './public-catalogue';
