export { OrderReadApiModule } from './order-read-api.module';
export type { OrderReadModels } from './shared/order-read-models';
export { startInProcessOrderReadModels } from './hosting/in-process-read-models';
export { openMongoOrderReadModels } from './hosting/mongo-read-models';
