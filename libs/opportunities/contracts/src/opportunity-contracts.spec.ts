import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { contractValidatorOptions, jsonSchemaDialect } from './event-contract.schema';
import type { JsonSchemaNode } from './event-contract.schema';
import type { OpportunityContractPayloads, OpportunityContractType } from './opportunity-contracts.registry';
import { opportunityContractTypeOfCeType, opportunityContractTypes, opportunityContracts } from './opportunity-contracts.registry';

const eur = { amount: 12500.5, currency: 'EUR' };
const id = 'opp-7f3c';
const at = '2026-03-01T09:00:00.000Z';

/** One complete payload per type, optional fields included so their schemas get exercised too. */
const samples: { [T in OpportunityContractType]: OpportunityContractPayloads[T] } = {
  OpportunityOpened: {
    opportunityId: id, customerId: 'cust-acme', name: 'ACME rollout', ownerId: 'rep-ana', amount: eur,
    expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
  },
  OpportunityStageChanged: { opportunityId: id, fromStage: 'proposal', toStage: 'qualified', direction: 'backward', changedAt: at },
  OpportunityWon: { opportunityId: id, fromStage: 'negotiation', finalAmount: { amount: 19.99, currency: 'USD' }, wonAt: at },
  OpportunityLost: { opportunityId: id, fromStage: 'lead', reason: 'No budget', lostAt: '2026-03-01T10:00:00+02:00' },
  OpportunityAmountRevised: { opportunityId: id, previousAmount: eur, amount: { amount: 0, currency: 'EUR' }, revisedAt: at },
  OpportunityCloseDateRescheduled: { opportunityId: id, previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-07-31', rescheduledAt: at },
  OpportunityOwnerReassigned: { opportunityId: id, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at },
  ActivityLogged: {
    opportunityId: id, activityId: 'act-1', kind: 'meeting', occurredAt: at, subject: 'Workshop',
    notes: 'Wants a 3-year term', nextFollowUpOn: '2026-03-08', loggedAt: at,
  },
  OpportunityReopened: { opportunityId: id, previousOutcome: 'lost', toStage: 'qualified', reason: 'New budget', reopenedAt: at },
  OpportunityArchived: { opportunityId: id, stage: 'won', reason: 'Duplicate of opp-7f3b', archivedAt: at },
  OpportunityRestored: { opportunityId: id, stage: 'won', restoredAt: at },
};

const newAjv = (options: Readonly<Record<string, unknown>> = contractValidatorOptions) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
};
const ajv = newAjv();
const validators = Object.fromEntries(
  opportunityContractTypes.map((type) => [type, ajv.compile(opportunityContracts[type].schema)]),
) as Record<OpportunityContractType, ValidateFunction>;

type Payload = Record<string, unknown>;
const sampleOf = (type: OpportunityContractType): Payload => structuredClone(samples[type]) as Payload;
const propertiesOf = (type: OpportunityContractType): [string, JsonSchemaNode][] =>
  Object.entries(opportunityContracts[type].schema.properties as Record<string, JsonSchemaNode>);
const isMoney = (node: JsonSchemaNode): boolean => typeof node.properties === 'object' && node.properties !== null && 'currency' in node.properties;
const formatted = (format: string) => opportunityContractTypes.flatMap((type) =>
  propertiesOf(type).filter(([, node]) => node.format === format).map(([field]) => [type, field] as const));
const moneyFields = opportunityContractTypes.flatMap((type) =>
  propertiesOf(type).filter(([, node]) => isMoney(node)).map(([field]) => [type, field] as const));

describe('opportunity contract registry', () => {
  it('has one v1 contract per event type, with a versioned CloudEvents type and a unique schema id', () => {
    expect(opportunityContractTypes).toHaveLength(11);
    for (const type of opportunityContractTypes) {
      const contract = opportunityContracts[type];
      expect(contract).toMatchObject({ version: 1, ceType: `crm.opportunities.${type}.v1` });
      expect(contract.schema).toMatchObject({ $schema: jsonSchemaDialect, title: type, type: 'object', additionalProperties: false });
      expect(opportunityContractTypeOfCeType(contract.ceType)).toBe(type);
    }
    expect(new Set(opportunityContractTypes.map((type) => opportunityContracts[type].schema.$id)).size).toBe(11);
  });

  it('does not resolve an unknown CloudEvents type or version', () => {
    expect(opportunityContractTypeOfCeType('crm.opportunities.OpportunityWon.v2')).toBeUndefined();
    expect(opportunityContractTypeOfCeType('crm.customers.CustomerRegistered.v1')).toBeUndefined();
  });
});

describe.each(opportunityContractTypes)('%s v1 schema', (type) => {
  const validate = validators[type];

  it('accepts a valid payload', () => {
    expect(validate(sampleOf(type))).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it.each(opportunityContracts[type].schema.required.map((field: string) => [field]))('rejects a payload without %s', (field) => {
    const payload = sampleOf(type);
    delete payload[field];
    expect(validate(payload)).toBe(false);
  });

  it('rejects a payload with a property the contract does not declare', () => {
    expect(validate({ ...sampleOf(type), unexpected: true })).toBe(false);
  });
});

describe('shared value schemas', () => {
  it('accepts a payload without its optional fields', () => {
    const { notes: _notes, nextFollowUpOn: _next, ...activity } = samples.ActivityLogged;
    const { reason: _reason, ...reopened } = samples.OpportunityReopened;
    const { reason: _archiveReason, ...archived } = samples.OpportunityArchived;
    expect(validators.ActivityLogged(activity)).toBe(true);
    expect(validators.OpportunityReopened(reopened)).toBe(true);
    expect(validators.OpportunityArchived(archived)).toBe(true);
  });

  it.each(moneyFields)('%s.%s rejects a malformed currency or amount', (type, field) => {
    for (const money of [{ amount: 1, currency: 'eur' }, { amount: 1, currency: 'EURO' }, { amount: 1 },
      { amount: -0.01, currency: 'EUR' }, { amount: 1.005, currency: 'EUR' }, { amount: '1', currency: 'EUR' },
      { amount: 1, currency: 'EUR', rate: 1 }]) {
      expect(validators[type]({ ...sampleOf(type), [field]: money })).toBe(false);
    }
  });

  it.each(moneyFields)('%s.%s accepts cent amounts that binary floating point cannot hold exactly', (type, field) => {
    for (const amount of [0.29, 19.99, 0.07, 1234567.89, 999999999.99]) {
      expect(validators[type]({ ...sampleOf(type), [field]: { amount, currency: 'JPY' } })).toBe(true);
    }
  });

  it.each(moneyFields)('%s.%s rejects amounts above the v1 cap of 999,999,999.99', (type, field) => {
    for (const amount of [1_000_000_000, 651798936107.08]) {
      expect(validators[type]({ ...sampleOf(type), [field]: { amount, currency: 'EUR' } })).toBe(false);
    }
  });

  it('needs contractValidatorOptions: a validator without a multipleOf tolerance rejects 19.99', () => {
    const plain = newAjv({}).compile(opportunityContracts.OpportunityWon.schema);
    expect(plain({ ...samples.OpportunityWon, finalAmount: { amount: 19.99, currency: 'EUR' } })).toBe(false);
  });

  it.each(formatted('date'))('%s.%s rejects a malformed calendar date', (type, field) => {
    for (const value of ['2026-02-30', '2026-13-01', '30/06/2026', '2026-06-30T00:00:00Z', '']) {
      expect(validators[type]({ ...sampleOf(type), [field]: value })).toBe(false);
    }
  });

  it.each(formatted('date-time'))('%s.%s rejects a malformed or offset-less instant', (type, field) => {
    for (const value of ['2026-03-01', '2026-03-01T09:00:00', '2026-03-01T25:00:00Z', 'yesterday', 1772355600000]) {
      expect(validators[type]({ ...sampleOf(type), [field]: value })).toBe(false);
    }
  });

  it('rejects stages outside their set: a close is never a stage change, a reopen never ends closed', () => {
    expect(validators.OpportunityStageChanged({ ...samples.OpportunityStageChanged, toStage: 'won' })).toBe(false);
    expect(validators.OpportunityWon({ ...samples.OpportunityWon, fromStage: 'lost' })).toBe(false);
    expect(validators.OpportunityReopened({ ...samples.OpportunityReopened, previousOutcome: 'lead' })).toBe(false);
    expect(validators.OpportunityOpened({ ...samples.OpportunityOpened, stage: 'qualified' })).toBe(false);
    expect(validators.ActivityLogged({ ...samples.ActivityLogged, kind: 'sms' })).toBe(false);
  });

  it('accepts an archive or restore in every stage, open or closed, and nothing else', () => {
    for (const stage of ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']) {
      expect(validators.OpportunityArchived({ ...samples.OpportunityArchived, stage })).toBe(true);
      expect(validators.OpportunityRestored({ ...samples.OpportunityRestored, stage })).toBe(true);
    }
    expect(validators.OpportunityArchived({ ...samples.OpportunityArchived, stage: 'archived' })).toBe(false);
    expect(validators.OpportunityRestored({ ...samples.OpportunityRestored, stage: 'archived' })).toBe(false);
  });

  it('rejects a blank lost, reopen or archive reason', () => {
    for (const reason of ['', '   ', ' \t\n ']) {
      expect(validators.OpportunityLost({ ...samples.OpportunityLost, reason })).toBe(false);
      expect(validators.OpportunityReopened({ ...samples.OpportunityReopened, reason })).toBe(false);
      expect(validators.OpportunityArchived({ ...samples.OpportunityArchived, reason })).toBe(false);
    }
  });
});
