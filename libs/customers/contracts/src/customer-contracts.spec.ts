import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { contractValidatorOptions, jsonSchemaDialect } from '@meridian/platform/contracts';
import type { CustomerContractType } from './customer-contracts.registry';
import {
  customerContractEventOf,
  customerContractTypeOfCeType,
  customerContractTypes,
  customerContracts,
  isCustomerContractType,
} from './customer-contracts.registry';
import { customersPublicCatalogue } from './customers-public-catalogue';
import { customerContractSamples as samples } from './testing/customer-contract.samples';

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);
const validators = Object.fromEntries(customerContractTypes.map((type) => [type, ajv.compile(customerContracts[type].schema)])) as Record<
  CustomerContractType,
  ValidateFunction
>;
type Payload = Record<string, unknown>;
const sampleOf = (type: CustomerContractType): Payload => structuredClone(samples[type]) as Payload;

describe('customer contract registry', () => {
  it('has one v1 contract per public event type of the customer, customer_import and segment_policy streams', () => {
    expect(customerContractTypes).toHaveLength(24);
    for (const type of customerContractTypes) {
      const contract = customerContracts[type];
      expect(contract).toMatchObject({ version: 1, ceType: `crm.customers.${type}.v1` });
      expect(contract.schema).toMatchObject({
        $schema: jsonSchemaDialect, $id: `urn:meridian:event:crm.customers.${type}.v1`, title: type, type: 'object', additionalProperties: false,
      });
      expect(customerContractTypeOfCeType(contract.ceType)).toBe(type);
      expect(isCustomerContractType(type)).toBe(true);
    }
    expect(new Set(customerContractTypes.map((type) => customerContracts[type].schema.$id)).size).toBe(24);
  });

  it('does not resolve an unknown type, version or topic', () => {
    expect(customerContractTypeOfCeType('crm.customers.CustomerRegistered.v2')).toBeUndefined();
    expect(customerContractTypeOfCeType('crm.opportunities.OpportunityWon.v1')).toBeUndefined();
    expect(isCustomerContractType('toString')).toBe(false);
    expect(customerContractEventOf('crm.customers.Unknown.v1', {})).toBeUndefined();
  });

  it('types a received payload by its ce_type', () => {
    const event = customerContractEventOf('crm.customers.CustomerTagged.v1', samples.CustomerTagged);
    expect(event).toEqual({ type: 'CustomerTagged', payload: samples.CustomerTagged });
    if (event?.type === 'CustomerTagged') expect(event.payload.tag).toBe('key account');
  });
});

describe('customers public catalogue', () => {
  it('claims the three stream categories on crm.customers, from /meridian/customers', () => {
    expect(customersPublicCatalogue).toMatchObject({
      streamCategories: ['customer', 'customer_import', 'segment_policy'],
      topic: 'crm.customers',
      source: '/meridian/customers',
      validatorOptions: contractValidatorOptions,
    });
  });

  it('lists every contract with its version, ce_type and schema, and nothing else', () => {
    expect(Object.keys(customersPublicCatalogue.contracts).sort()).toEqual([...customerContractTypes].sort());
    for (const type of customerContractTypes) {
      const { version, ceType, schema } = customerContracts[type];
      expect(customersPublicCatalogue.contracts[type]).toStrictEqual({ version, ceType, schema });
    }
  });
});

describe.each(customerContractTypes)('%s v1 schema', (type) => {
  const validate = validators[type];

  it('accepts the sample payload', () => {
    expect(validate(sampleOf(type))).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it.each(customerContracts[type].schema.required.map((field: string) => [field]))('rejects a payload without %s', (field) => {
    const payload = sampleOf(type);
    delete payload[field];
    expect(validate(payload)).toBe(false);
  });

  it('rejects a payload with a property the contract does not declare', () => {
    expect(validate({ ...sampleOf(type), unexpected: true })).toBe(false);
  });

  it('accepts the payload without its optional fields', () => {
    const required = new Set<string>(customerContracts[type].schema.required);
    const payload = Object.fromEntries(Object.entries(sampleOf(type)).filter(([field]) => required.has(field)));
    expect(validate(payload)).toBe(true);
  });
});

describe('the archive contracts', () => {
  const archivedV1 = validators.CustomerArchived;
  const restoredV1 = validators.CustomerRestored;

  it('accept an archive without a reason, and refuse a blank one', () => {
    expect(archivedV1({ customerId: 'cust-acme', archivedAt: '2026-03-01T09:00:00.000Z' })).toBe(true);
    expect(archivedV1({ customerId: 'cust-acme', reason: '', archivedAt: '2026-03-01T09:00:00.000Z' })).toBe(false);
  });

  it('refuse an instant that is not RFC 3339', () => {
    expect(archivedV1({ customerId: 'cust-acme', archivedAt: 'yesterday' })).toBe(false);
    expect(restoredV1({ customerId: 'cust-acme', restoredAt: '2026-03-01' })).toBe(false);
  });

  it('are published on crm.customers as v1', () => {
    expect(customerContractTypeOfCeType('crm.customers.CustomerArchived.v1')).toBe('CustomerArchived');
    expect(customerContractTypeOfCeType('crm.customers.CustomerRestored.v1')).toBe('CustomerRestored');
  });
});
