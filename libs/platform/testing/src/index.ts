export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { pollUntil } from './poll-until';
export type { PollOptions } from './poll-until';
export { send, startTestHost } from './http-test-host';
export type { HttpResponse, RequestOptions, TestHost } from './http-test-host';
export { distEntry, spawnNodeProcess } from './node-process';
export type { NodeProcess } from './node-process';
