export { CustomerReadApiModule } from './customer-read-api.module';
export type { CustomerReadModels } from './shared/customer-read-models';
export type { InProcessCustomerReadModels } from './hosting/in-process-read-models';
export { startInProcessCustomerReadModels } from './hosting/in-process-read-models';
export type { MongoCustomerReadModels } from './hosting/mongo-read-models';
export { openMongoCustomerReadModels } from './hosting/mongo-read-models';
export { customerDirectoryOver } from './directory/customer-directory.adapter';
