import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealth } from './event-store.health';

/**
 * Kubernetes probes (and Docker health checks). Live: the process serves
 * HTTP at all; a failing liveness probe restarts the pod, so it checks no
 * dependency. Ready: it can do its job now; failing takes it out of rotation
 * (503 with the failing check named), without a restart.
 * Left out of the OpenAPI document: operational, not part of the API.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.eventStore.check()]);
  }
}
