import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule } from '@meridian/platform/nest';
import { OpportunitiesModule } from '@meridian/opportunities/api';
import { OpportunityReadApiModule } from '@meridian/opportunities/read-api';

@Module({})
class OpportunitiesServiceModule {}

/** The opportunities context on its own: one Kubernetes Deployment in production. */
export const opportunitiesServiceHost: HttpHostDefinition = {
  name: 'opportunities-service',
  openApi: {
    title: 'Meridian opportunities API',
    description: 'Sales pipeline: open, stage changes, amounts, owners, activities. Errors are RFC 9457 application/problem+json.',
    version: '0.1.0',
  },
  unusedSettings: (config) => [
    ...(config.kafkaBrokers !== undefined && config.mongodbUrl === undefined ? [['KAFKA_BROKERS', 'only the read API uses it, and that needs MONGODB_URL too'] as const] : []),
  ],
  rootModule: (config: AppConfig): DynamicModule => ({
    module: OpportunitiesServiceModule,
    imports: [
      EventStoreModule.forRoot(config.eventStoreUrl),
      OpportunitiesModule,
      // The list and funnel need the read store; without it the service still takes commands.
      ...(config.mongodbUrl !== undefined && config.kafkaBrokers !== undefined
        ? [OpportunityReadApiModule.overMongo({ ...config, mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers })]
        : []),
    ],
  }),
};
