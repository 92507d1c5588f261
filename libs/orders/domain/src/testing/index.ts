export * from './order.fixtures';
