export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { pollUntil } from './poll-until';
export type { PollOptions } from './poll-until';
