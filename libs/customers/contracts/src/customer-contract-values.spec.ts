import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { JsonSchemaNode } from '@meridian/platform/contracts';
import { contractValidatorOptions } from '@meridian/platform/contracts';
import type { CustomerContractType } from './customer-contracts.registry';
import { customerContractTypes, customerContracts } from './customer-contracts.registry';
import { customerContractSamples as samples } from './testing/customer-contract.samples';

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);
const validators = Object.fromEntries(customerContractTypes.map((type) => [type, ajv.compile(customerContracts[type].schema)])) as Record<
  CustomerContractType,
  ValidateFunction
>;
type Payload = Record<string, unknown>;
const sampleOf = (type: CustomerContractType): Payload => structuredClone(samples[type]) as Payload;
const accepts = (type: CustomerContractType, change: Payload): boolean => validators[type]({ ...sampleOf(type), ...change });

const propertiesOf = (type: CustomerContractType): [string, JsonSchemaNode][] =>
  Object.entries(customerContracts[type].schema.properties as Record<string, JsonSchemaNode>);
const fieldsWhere = (test: (node: JsonSchemaNode, field: string) => boolean) =>
  customerContractTypes.flatMap((type) => propertiesOf(type).filter(([field, node]) => test(node, field)).map(([field]) => [type, field] as const));
const isMoney = (node: JsonSchemaNode): boolean =>
  (typeof node.properties === 'object' && node.properties !== null && 'currency' in node.properties) ||
  (Array.isArray(node.anyOf) && (node.anyOf as JsonSchemaNode[]).some(isMoney));
const moneyFields = fieldsWhere(isMoney);
const instantFields = fieldsWhere((node) => node.format === 'date-time');
const nonBlankFields = fieldsWhere((node) => node.pattern === '\\S');

describe('shared value schemas on crm.customers', () => {
  it('finds the fields these checks are about', () => {
    expect(moneyFields).toHaveLength(3);
    expect(instantFields.length).toBeGreaterThan(22);
    expect(nonBlankFields.length).toBeGreaterThan(20);
  });

  it.each(moneyFields)('%s.%s rejects a malformed currency or amount, and accepts cents floating point cannot hold', (type, field) => {
    for (const money of [{ amount: 1, currency: 'eur' }, { amount: 1 }, { amount: -0.01, currency: 'EUR' }, { amount: 1.005, currency: 'EUR' },
      { amount: 1_000_000_000, currency: 'EUR' }, { amount: 1, currency: 'EUR', rate: 1 }]) {
      expect(accepts(type, { [field]: money })).toBe(false);
    }
    for (const amount of [0.29, 19.99, 999_999_999.99]) expect(accepts(type, { [field]: { amount, currency: 'EUR' } })).toBe(true);
  });

  it.each(instantFields)('%s.%s rejects a malformed or offset-less instant', (type, field) => {
    for (const value of ['2026-03-01', '2026-03-01T09:00:00', '2026-02-30T09:00:00Z', 'yesterday', 1772355600000]) {
      expect(accepts(type, { [field]: value })).toBe(false);
    }
  });

  it.each(nonBlankFields)('%s.%s rejects blank text', (type, field) => {
    for (const value of ['', '   ', '\t\n']) expect(accepts(type, { [field]: value })).toBe(false);
  });
});

describe('customer value sets', () => {
  it('rejects values outside their sets', () => {
    expect(accepts('CustomerRegistered', { kind: 'partner' })).toBe(false);
    expect(accepts('CustomerRegistered', { size: '10-50' })).toBe(false);
    expect(accepts('CustomerIntentLevelSet', { level: 'lukewarm' })).toBe(false);
    expect(accepts('CustomerConsentRecorded', { purpose: 'sms' })).toBe(false);
    expect(accepts('CustomerConsentRecorded', { granted: 'yes' })).toBe(false);
    expect(accepts('InteractionRecorded', { kind: 'note' })).toBe(false);
    expect(accepts('CustomerValueSegmentChanged', { segment: 'F' })).toBe(false);
  });

  it('accepts only normalised emails, each once', () => {
    for (const emails of [['Sales@acme.example'], ['sales @acme.example'], ['sales@acme'], ['a@b.example', 'a@b.example']]) {
      expect(accepts('CustomerRegistered', { emails })).toBe(false);
    }
    expect(accepts('CustomerRegistered', { emails: [] })).toBe(true);
  });

  it('accepts only normalised phones (+, country code, 7 to 15 digits), each once', () => {
    for (const phones of [['5550104477'], ['+1 555 010 4477'], ['+123456'], ['+1234567890123456'], ['+0123456789'], ['+15550104477', '+15550104477']]) {
      expect(accepts('ContactAdded', { phones })).toBe(false);
    }
    expect(accepts('ContactAdded', { phones: ['+1234567', '+123456789012345'] })).toBe(true);
  });

  it('accepts an empty set of groups but not a repeated group', () => {
    expect(accepts('CustomerGroupsAssigned', { groups: [] })).toBe(true);
    expect(accepts('CustomerGroupsAssigned', { groups: ['g', 'g'] })).toBe(false);
  });
});

describe('value segment contracts', () => {
  it('takes null for the first previous segment and for the average without purchases', () => {
    expect(accepts('CustomerValueSegmentChanged', { previousSegment: null, segment: 'A', purchaseCount: 0, averageOrderValue: null })).toBe(true);
    expect(accepts('CustomerValueSegmentChanged', { previousSegment: 'G' })).toBe(false);
    expect(accepts('CustomerValueSegmentChanged', { averageOrderValue: 12 })).toBe(false);
    expect(accepts('CustomerValueSegmentChanged', { purchaseCount: -1 })).toBe(false);
    expect(accepts('CustomerValueSegmentChanged', { purchaseCount: 1.5 })).toBe(false);
  });

  it('takes order revisions from 0 and only whole ones', () => {
    expect(accepts('CustomerOrderValueRecorded', { orderRevision: 0 })).toBe(true);
    expect(accepts('CustomerOrderValueRecorded', { orderRevision: -1 })).toBe(false);
    expect(accepts('CustomerOrderValueRecorded', { orderRevision: 2.5 })).toBe(false);
  });

  it('bounds the policy: 1 to 3650 days, a currency code, at least one purchase', () => {
    expect(accepts('SegmentPolicySet', { windowDays: 1 })).toBe(true);
    expect(accepts('SegmentPolicySet', { windowDays: 3650 })).toBe(true);
    for (const change of [{ windowDays: 0 }, { windowDays: 3651 }, { windowDays: 30.5 }, { currency: 'eur' }, { highPurchaseCount: 0 }]) {
      expect(accepts('SegmentPolicySet', change)).toBe(false);
    }
  });
});

describe('import contracts', () => {
  const batch = samples.CustomerImportBatchProcessed;

  it('takes only a lower-case SHA-256 and a row count from 0', () => {
    expect(accepts('CustomerImportStarted', { rowCount: 0 })).toBe(true);
    expect(accepts('CustomerImportStarted', { rowCount: -1 })).toBe(false);
    expect(accepts('CustomerImportStarted', { fileSha256: 'A3F5' + 'a'.repeat(60) })).toBe(false);
    expect(accepts('CustomerImportStarted', { fileSha256: 'abc' })).toBe(false);
  });

  it('numbers rows from 1', () => {
    expect(accepts('CustomerImportBatchProcessed', { firstRow: 0 })).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', { imported: [{ row: 0, customerId: 'c' }] })).toBe(false);
  });

  it('needs a duplicate to point at a customer or a row, with a known reason', () => {
    const duplicate = (duplicateOf: object, reason = 'email') => ({ duplicates: [{ row: 2, duplicateOf, reason }] });
    expect(accepts('CustomerImportBatchProcessed', duplicate({ customerId: 'c', row: 1 }))).toBe(true);
    expect(accepts('CustomerImportBatchProcessed', duplicate({}))).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', duplicate({ customerId: ' ' }))).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', duplicate({ row: 1, note: 'x' }))).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', duplicate({ row: 1 }, 'name'))).toBe(false);
  });

  it('needs a rejected row to carry at least one error with a field and a message', () => {
    expect(accepts('CustomerImportBatchProcessed', { rejected: [{ row: 4, errors: [] }] })).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', { rejected: [{ row: 4, errors: [{ field: 'name' }] }] })).toBe(false);
    expect(accepts('CustomerImportBatchProcessed', { rejected: [{ row: 4, errors: [{ field: '', message: 'x' }] }] })).toBe(false);
  });

  it('refuses extra fields inside row entries', () => {
    expect(accepts('CustomerImportBatchProcessed', { imported: [{ ...batch.imported[0], name: 'ACME' }] })).toBe(false);
  });

  it('takes an all-empty batch shape', () => {
    expect(accepts('CustomerImportBatchProcessed', { imported: [], duplicates: [], rejected: [] })).toBe(true);
  });
});
