export { OpportunityReadApiModule } from './opportunity-read-api.module';
export type { OpportunityReadModels } from './shared/opportunity-read-models';
export { startInProcessReadModels } from './hosting/in-process-read-models';
export { openMongoReadModels } from './hosting/mongo-read-models';
