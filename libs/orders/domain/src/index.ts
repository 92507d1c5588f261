export type {
  CancelOrder,
  ConfirmOrder,
  DraftOrderFromOpportunity,
  OrderCommand,
  OrderLineInput,
  PlaceOrder,
  RecordPayment,
  RefundOrder,
} from './order.commands';
export type {
  OrderCancelled,
  OrderConfirmed,
  OrderDraftedFromOpportunity,
  OrderEvent,
  OrderPlaced,
  OrderRefunded,
  PaymentReceived,
} from './order.events';
export { orderEventTypes } from './order.events';
export type { OrderDetails, OrderState, RecordedPayment, RecordedRefund } from './order.state';
export { initialOrderState, isPresent, netPaidOf, outstandingOf } from './order.state';
export type { Instant, MinorUnits, Money, OrderLine, OrderStatus, PaymentMethod } from './order.values';
export { maxMoneyAmount, orderStatuses, paymentMethods } from './order.values';
export { isCurrencyCode, isValidMoneyAmount, toMinorUnits, toMoney } from './order.money';
export { decide, evolve, orderDecider, orderStreamId } from './order.decider';
export { OrderRuleCodes } from './order.rules';
export type { OrderRuleCode } from './order.rules';
export type { OpenedOpportunityFacts, WonOpportunityFacts } from './won-opportunity-draft.mapping';
export { draftOrderFromWonOpportunity, wonOpportunityLineId, wonOpportunityOrderId } from './won-opportunity-draft.mapping';
