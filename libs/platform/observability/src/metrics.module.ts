import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { createMetricsRegistry } from './metrics-registry';
import { MetricsController } from './metrics.controller';
import { METRICS_REGISTRY } from './metrics.tokens';

/**
 * Global so any module (the event store's, a context's) can inject the
 * registry without importing this one; Nest binds global modules after
 * scanning, so where a host lists it among its imports does not matter.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, useFactory: createMetricsRegistry }],
      exports: [METRICS_REGISTRY],
    };
  }
}
