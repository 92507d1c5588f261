import { ceTypeOn, schemaIdOn } from '@meridian/platform/contracts';

/** The Kafka topic these contracts describe; key = stream id (`customer-<id>`, `customer_import-<id>`, `segment_policy-<tenant>`). */
export const customersTopic = 'crm.customers';

/** The CloudEvents `source` of every event on the topic. */
export const customersSource = '/meridian/customers';

/** `crm.customers.<EventType>.v<version>`: the CloudEvents `ce_type` of one contract version. */
export const ceTypeOf = <TType extends string, TVersion extends number>(type: TType, version: TVersion) => ceTypeOn(customersTopic, type, version);

export const schemaIdOf = (type: string, version: number): string => schemaIdOn(customersTopic, type, version);
