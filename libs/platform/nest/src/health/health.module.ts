import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealth } from './event-store.health';
import { HealthController } from './health.controller';
import { ReadinessModule } from './readiness-registry';

/** /health/live and /health/ready for every HTTP host (needs EventStoreModule, which every host has). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ReadinessModule],
  controllers: [HealthController],
  providers: [EventStoreHealth],
})
export class HealthModule {}
