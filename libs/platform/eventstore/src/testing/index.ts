export { describeEventStoreContract } from './event-store.contract';
export type { EventStoreUnderTest } from './event-store.contract';
export { HeldTransactionRolledBack, HoldableExecutor } from './holdable-executor';
export type { HeldTransaction } from './holdable-executor';
export { describeCheckpointStoreContract } from './checkpoint-store.contract';
export type { CheckpointStoreUnderTest } from './checkpoint-store.contract';
