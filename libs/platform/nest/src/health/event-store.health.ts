import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { EVENT_STORE } from '../eventstore/event-store.module';

/** How long a readiness probe waits for the store before calling it down. */
const probeTimeoutMs = 2_000;

/**
 * Ready = the event store answers. It is the one hard dependency of a
 * service: the read store (MongoDB) and Kafka are left out on purpose, since
 * a service without them still takes commands and must stay in rotation.
 */
@Injectable()
export class EventStoreHealth {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.indicators.check('eventStore');
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
      });
      const head = await Promise.race([this.store.headPosition(), timeout]);
      return indicator.up({ headPosition: head });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }
}
