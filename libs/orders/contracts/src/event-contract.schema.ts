import { ceTypeOn, schemaIdOn } from '@meridian/platform/contracts';

export type { EventSchema, JsonSchemaNode } from '@meridian/platform/contracts';
export { contractValidatorOptions, eventSchemaFor, jsonSchemaDialect } from '@meridian/platform/contracts';

/** The Kafka topic these contracts describe; key = stream id (`order-<id>`). */
export const ordersTopic = 'crm.orders';

/** Where the events come from (CloudEvents `source`). */
export const ordersSource = '/meridian/orders';

/** `crm.orders.<EventType>.v<version>`: the CloudEvents `ce_type` of one contract version. */
export const ceTypeOf = <TType extends string, TVersion extends number>(type: TType, version: TVersion) =>
  ceTypeOn(ordersTopic, type, version);

export const schemaIdOf = (type: string, version: number): string => schemaIdOn(ordersTopic, type, version);
