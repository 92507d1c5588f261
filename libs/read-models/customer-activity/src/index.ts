export type {
  ActivityEntry,
  ActivityInteraction,
  ActivityKind,
  CustomerActivityDocument,
  CustomerRecordActivity,
  CustomerRecordSummary,
  OpportunityActivity,
  OpportunitySummary,
  OrderActivity,
  OrderPayment,
  OrderRefund,
  OrderStatus,
  OrderSummary,
} from './customer-activity.model';
export { customerActivityReadModel, maxEntriesPerStream } from './customer-activity.model';
export { UnknownActivityEvent, UnreadableActivityInstant, minorUnitsOf } from './customer-activity.entries';
export { customerActivityProjection, evolveCustomerActivity } from './customer-activity.projection';
export { customer360Parts, ensureCustomerActivityIndexes } from './customer-activity.queries';
export type { InteractionView, OpportunityView, OrderView, PaymentView, RefundView } from './customer-activity.assembly';
export { lastInteraction, lifetimeRevenue, moneyOf, openOpportunities, ordersWithPayments } from './customer-activity.assembly';
export type { TimelineItem, TimelinePage, TimelineRequest } from './customer-activity.timeline';
export { InvalidTimelineCursor, defaultTimelinePageSize, maxTimelinePageSize, timeline, timelineCursorOf } from './customer-activity.timeline';
export { customerActivityDefinition } from './customer-activity.runtime';
