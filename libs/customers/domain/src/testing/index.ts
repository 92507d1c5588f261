// Fixtures for specs, here and in other libraries' tests (never in production code).
export * from './customer.fixtures';
export * from './customer-import.fixtures';
export * from './segment-policy.fixtures';
