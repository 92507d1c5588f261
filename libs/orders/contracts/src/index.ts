export type { EventSchema, JsonSchemaNode } from './event-contract.schema';
export { ceTypeOf, contractValidatorOptions, jsonSchemaDialect, ordersSource, ordersTopic } from './event-contract.schema';
export type { ContractInstant, ContractMoney, ContractOrderLine, ContractPaymentMethod } from './order-contract.values';
export { contractPaymentMethods } from './order-contract.values';
export type { OrderCancelledV1, OrderConfirmedV1, OrderDraftedFromOpportunityV1, OrderPlacedV1 } from './order-lifecycle.contracts';
export {
  orderCancelledSchemaV1,
  orderConfirmedSchemaV1,
  orderDraftedFromOpportunitySchemaV1,
  orderPlacedSchemaV1,
} from './order-lifecycle.contracts';
export type { OrderRefundedV1, PaymentReceivedV1 } from './order-payment.contracts';
export { orderRefundedSchemaV1, paymentReceivedSchemaV1 } from './order-payment.contracts';
export type { OrderContract, OrderContractEvent, OrderContractPayloads, OrderContractType } from './order-contracts.registry';
export {
  isOrderContractType,
  orderContractEventOf,
  orderContractTypeOfCeType,
  orderContractTypes,
  orderContracts,
} from './order-contracts.registry';
export { ordersPublicCatalogue } from './order-public-catalogue';
