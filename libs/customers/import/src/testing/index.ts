// Test, demo and benchmark helpers (never imported by production code).
export * from './customer-import-csv.generator';
export * from './customer-import-test-host';
export * from './customer-import.harness';
export * from './event-store-customer-directory';
export * from './import-report.expectations';
export * from './seeded-random';
