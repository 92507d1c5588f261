import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule } from '@meridian/platform/nest';
import { OpportunitiesModule } from '@meridian/opportunities/api';

@Module({})
class StandaloneModule {}

/**
 * Every context in one process on one port, on the embedded event store by
 * default: what `npm start` runs. The same modules deploy one per service.
 */
export const standaloneHost: HttpHostDefinition = {
  name: 'standalone',
  openApi: {
    title: 'Meridian CRM',
    description: 'Every Meridian context in one process. Errors are RFC 9457 application/problem+json.',
    version: '0.1.0',
  },
  rootModule: (config: AppConfig): DynamicModule => ({
    module: StandaloneModule,
    imports: [EventStoreModule.forRoot(config.eventStoreUrl), OpportunitiesModule],
  }),
};
