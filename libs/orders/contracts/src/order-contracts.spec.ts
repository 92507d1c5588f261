import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { contractValidatorOptions, jsonSchemaDialect } from './event-contract.schema';
import type { JsonSchemaNode } from './event-contract.schema';
import type { OrderContractPayloads, OrderContractType } from './order-contracts.registry';
import { orderContractEventOf, orderContractTypeOfCeType, orderContractTypes, orderContracts } from './order-contracts.registry';
import { ordersPublicCatalogue } from './order-public-catalogue';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const ids = { orderId: 'ord-5b1e', customerId: 'cust-acme' };
const at = '2026-04-01T09:00:00.000Z';
const lines = [
  { lineId: 'line-1', productId: 'sku-desk', description: 'Standing desk', quantity: 2, unitPrice: eur(349.99) },
  { lineId: 'line-2', productId: 'sku-gift', description: 'Welcome gift', quantity: 1, unitPrice: eur(0) },
];

/** One complete payload per type, optional fields included so their schemas get exercised too. */
const samples: { [T in OrderContractType]: OrderContractPayloads[T] } = {
  OrderPlaced: { ...ids, currency: 'EUR', lines, total: eur(699.98), opportunityId: 'opp-7f3c', placedAt: at },
  OrderDraftedFromOpportunity: { ...ids, opportunityId: 'opp-7f3c', currency: 'EUR', lines, total: eur(699.98), draftedAt: at },
  OrderConfirmed: { ...ids, total: eur(699.98), confirmedAt: '2026-04-01T11:00:00+02:00' },
  PaymentReceived: { ...ids, paymentId: 'pay-1', amount: eur(19.99), paidToDate: eur(19.99), outstanding: eur(0), netPaid: eur(19.99), method: 'transfer', receivedAt: at },
  OrderRefunded: { ...ids, refundId: 'ref-1', amount: eur(19.99), refundedToDate: eur(19.99), netPaid: eur(0), reason: 'Damaged', refundedAt: at },
  OrderCancelled: { ...ids, reason: 'Customer withdrew', cancelledAt: at },
};

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);
const validators = Object.fromEntries(orderContractTypes.map((type) => [type, ajv.compile(orderContracts[type].schema)])) as Record<
  OrderContractType,
  ValidateFunction
>;

type Payload = Record<string, unknown>;
const sampleOf = (type: OrderContractType): Payload => structuredClone(samples[type]) as Payload;
const propertiesOf = (type: OrderContractType): [string, JsonSchemaNode][] =>
  Object.entries(orderContracts[type].schema.properties as Record<string, JsonSchemaNode>);
const isMoney = (node: JsonSchemaNode): boolean => typeof node.properties === 'object' && node.properties !== null && 'currency' in node.properties;
const fieldsWhere = (test: (node: JsonSchemaNode) => boolean) =>
  orderContractTypes.flatMap((type) => propertiesOf(type).filter(([, node]) => test(node)).map(([field]) => [type, field] as const));
const moneyFields = fieldsWhere(isMoney);
const positiveMoneyFields = fieldsWhere((node) => isMoney(node) && JSON.stringify(node).includes('exclusiveMinimum'));
const instantFields = fieldsWhere((node) => node.format === 'date-time');
const lineFields = fieldsWhere((node) => node.type === 'array');

describe('order contract registry', () => {
  it('has one v1 contract per event type, with a versioned CloudEvents type and a unique schema id', () => {
    expect(orderContractTypes).toHaveLength(6);
    for (const type of orderContractTypes) {
      const contract = orderContracts[type];
      expect(contract).toMatchObject({ version: 1, ceType: `crm.orders.${type}.v1` });
      expect(contract.schema).toMatchObject({ $schema: jsonSchemaDialect, title: type, type: 'object', additionalProperties: false });
      expect(orderContractTypeOfCeType(contract.ceType)).toBe(type);
    }
    expect(new Set(orderContractTypes.map((type) => orderContracts[type].schema.$id)).size).toBe(6);
  });

  it('does not resolve an unknown CloudEvents type or version', () => {
    expect(orderContractTypeOfCeType('crm.orders.OrderPlaced.v2')).toBeUndefined();
    expect(orderContractTypeOfCeType('crm.opportunities.OpportunityWon.v1')).toBeUndefined();
    expect(orderContractEventOf('crm.orders.Unknown.v1', {})).toBeUndefined();
  });

  it('types a received payload by its ce_type', () => {
    const event = orderContractEventOf('crm.orders.PaymentReceived.v1', samples.PaymentReceived);
    expect(event?.type === 'PaymentReceived' ? event.payload.paidToDate : undefined).toEqual(eur(19.99));
  });

  it('publishes the order streams on crm.orders from /meridian/orders', () => {
    expect(ordersPublicCatalogue).toMatchObject({ streamCategories: ['order'], topic: 'crm.orders', source: '/meridian/orders', validatorOptions: contractValidatorOptions });
    expect(Object.keys(ordersPublicCatalogue.contracts).sort()).toEqual([...orderContractTypes].sort());
  });
});

describe.each(orderContractTypes)('%s v1 schema', (type) => {
  const validate = validators[type];

  it('accepts a valid payload', () => {
    expect(validate(sampleOf(type))).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it.each(orderContracts[type].schema.required.map((field: string) => [field]))('rejects a payload without %s', (field) => {
    const payload = sampleOf(type);
    delete payload[field];
    expect(validate(payload)).toBe(false);
  });

  it('rejects a payload with a property the contract does not declare', () => {
    expect(validate({ ...sampleOf(type), unexpected: true })).toBe(false);
  });
});

describe('order value schemas', () => {
  it('accepts a placed order without an opportunity', () => {
    const { opportunityId: _opportunityId, ...withoutDeal } = samples.OrderPlaced;
    expect(validators.OrderPlaced(withoutDeal)).toBe(true);
  });

  it.each(moneyFields)('%s.%s rejects a malformed currency or amount', (type, field) => {
    for (const money of [{ amount: 1, currency: 'eur' }, { amount: 1 }, { amount: -0.01, currency: 'EUR' }, { amount: 1.005, currency: 'EUR' },
      { amount: '1', currency: 'EUR' }, { amount: 1_000_000_000, currency: 'EUR' }, { amount: 1, currency: 'EUR', rate: 1 }]) {
      expect(validators[type]({ ...sampleOf(type), [field]: money })).toBe(false);
    }
  });

  it.each(moneyFields)('%s.%s accepts cent amounts that binary floating point cannot hold exactly', (type, field) => {
    for (const amount of [0.29, 19.99, 1234567.89, 999999999.99]) {
      expect(validators[type]({ ...sampleOf(type), [field]: eur(amount) })).toBe(true);
    }
  });

  it.each(positiveMoneyFields)('%s.%s is above zero', (type, field) => {
    expect(validators[type]({ ...sampleOf(type), [field]: eur(0) })).toBe(false);
  });

  it('lets outstanding and net paid reach zero', () => {
    expect(positiveMoneyFields.map(([type, field]) => `${type}.${field}`)).not.toEqual(expect.arrayContaining(['PaymentReceived.outstanding', 'OrderRefunded.netPaid']));
    expect(validators.PaymentReceived({ ...samples.PaymentReceived, outstanding: eur(0) })).toBe(true);
    expect(validators.OrderRefunded({ ...samples.OrderRefunded, netPaid: eur(0) })).toBe(true);
  });

  it.each(lineFields)('%s.%s rejects no lines, a blank text, a quantity below one or fractional, and unknown line fields', (type, field) => {
    const [first] = lines;
    for (const bad of [[], [{ ...first, description: '  ' }], [{ ...first, productId: '' }], [{ ...first, quantity: 0 }],
      [{ ...first, quantity: 1.5 }], [{ ...first, unitPrice: { amount: 1, currency: 'eur' } }], [{ ...first, discount: 1 }]]) {
      expect(validators[type]({ ...sampleOf(type), [field]: bad })).toBe(false);
    }
  });

  it.each(instantFields)('%s.%s rejects a malformed or offset-less instant', (type, field) => {
    for (const value of ['2026-03-01', '2026-03-01T09:00:00', '2026-03-01T25:00:00Z', 'yesterday', 1772355600000]) {
      expect(validators[type]({ ...sampleOf(type), [field]: value })).toBe(false);
    }
  });

  it('rejects a payment method outside the set, an order currency of the wrong shape, and blank reasons', () => {
    expect(validators.PaymentReceived({ ...samples.PaymentReceived, method: 'cheque' })).toBe(false);
    expect(validators.OrderPlaced({ ...samples.OrderPlaced, currency: 'Euro' })).toBe(false);
    for (const reason of ['', '   ', ' \t\n ']) {
      expect(validators.OrderRefunded({ ...samples.OrderRefunded, reason })).toBe(false);
      expect(validators.OrderCancelled({ ...samples.OrderCancelled, reason })).toBe(false);
    }
  });
});
