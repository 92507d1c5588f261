import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EventStoreHealth } from './event-store.health';
import { ReadinessRegistry } from './readiness-registry';

/**
 * Kubernetes probes (and Docker health checks). Live: the process serves
 * HTTP at all; a failing liveness probe restarts the pod, so it checks no
 * dependency. Ready: it can do its job now; failing takes it out of rotation
 * (503 with the failing check named), without a restart. Parts that start
 * in the background (standalone's read models catching up) report through
 * the ReadinessRegistry.
 * Left out of the OpenAPI document: operational, not part of the API.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealth,
    private readonly readiness: ReadinessRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    const parts = this.readiness.reports().map(([name, report]) => () => {
      const indicator = this.indicators.check(name);
      return report.ready ? indicator.up(report.details) : indicator.down(report.details);
    });
    return this.health.check([() => this.eventStore.check(), ...parts]);
  }
}
