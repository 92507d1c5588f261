import type { ContractEvent } from '@meridian/platform/contracts';
import { contractEventOf, contractTypeOfCeType, hasContract } from '@meridian/platform/contracts';
import type { EventSchema } from './event-contract.schema';
import { ceTypeOf } from './event-contract.schema';
import type { OrderCancelledV1, OrderConfirmedV1, OrderDraftedFromOpportunityV1, OrderPlacedV1 } from './order-lifecycle.contracts';
import {
  orderCancelledSchemaV1,
  orderConfirmedSchemaV1,
  orderDraftedFromOpportunitySchemaV1,
  orderPlacedSchemaV1,
} from './order-lifecycle.contracts';
import type { OrderRefundedV1, PaymentReceivedV1 } from './order-payment.contracts';
import { orderRefundedSchemaV1, paymentReceivedSchemaV1 } from './order-payment.contracts';

/** The current public payload of each event type published on `crm.orders`. */
export type OrderContractPayloads = {
  OrderPlaced: OrderPlacedV1;
  OrderDraftedFromOpportunity: OrderDraftedFromOpportunityV1;
  OrderConfirmed: OrderConfirmedV1;
  PaymentReceived: PaymentReceivedV1;
  OrderRefunded: OrderRefundedV1;
  OrderCancelled: OrderCancelledV1;
};

export type OrderContractType = keyof OrderContractPayloads;

/** One contract version; with no type argument, any one of them (a union, not a blend). */
export type OrderContract<TType extends OrderContractType = OrderContractType> = TType extends unknown
  ? Readonly<{
      version: 1;
      ceType: ReturnType<typeof ceTypeOf<TType, 1>>;
      schema: EventSchema<OrderContractPayloads[TType]>;
    }>
  : never;

const v1 = <TType extends OrderContractType, const TSchema extends EventSchema<OrderContractPayloads[TType]>>(type: TType, schema: TSchema) =>
  ({ version: 1, ceType: ceTypeOf(type, 1), schema }) as const;

/**
 * One entry per event type. A published version is immutable: an incompatible
 * change becomes a new version with its own `ce_type`, published alongside the old one
 * until its consumers have moved.
 */
export const orderContracts = {
  OrderPlaced: v1('OrderPlaced', orderPlacedSchemaV1),
  OrderDraftedFromOpportunity: v1('OrderDraftedFromOpportunity', orderDraftedFromOpportunitySchemaV1),
  OrderConfirmed: v1('OrderConfirmed', orderConfirmedSchemaV1),
  PaymentReceived: v1('PaymentReceived', paymentReceivedSchemaV1),
  OrderRefunded: v1('OrderRefunded', orderRefundedSchemaV1),
  OrderCancelled: v1('OrderCancelled', orderCancelledSchemaV1),
} as const satisfies { readonly [TType in OrderContractType]: OrderContract<TType> };

export const orderContractTypes = Object.keys(orderContracts) as readonly OrderContractType[];

export const isOrderContractType = (type: string): type is OrderContractType => hasContract(orderContracts, type);

/** Resolves an incoming `ce_type` header; `undefined` for a type or version this library does not know. */
export const orderContractTypeOfCeType = (ceType: string): OrderContractType | undefined => contractTypeOfCeType(orderContracts, ceType);

/** A received public event narrowed to its contract: `type` tells which payload it carries. */
export type OrderContractEvent = ContractEvent<OrderContractPayloads>;

/** Types a received payload by its `ce_type`; `undefined` for a type or version this library does not know. */
export const orderContractEventOf = (ceType: string, payload: unknown): OrderContractEvent | undefined =>
  contractEventOf<OrderContractPayloads>(orderContracts, ceType, payload);
