import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { EventStoreHealth } from './event-store.health';

const healthOf = (store: EventStore) => new EventStoreHealth(store, new HealthIndicatorService());

describe('event store readiness', () => {
  it('is up with the head position when the store answers', async () => {
    expect(await healthOf(new MemoryEventStore()).check()).toEqual({ eventStore: { status: 'up', headPosition: 0 } });
  });

  it('is down, naming the error, when the store fails', async () => {
    const failing = Object.assign(new MemoryEventStore(), { headPosition: () => Promise.reject(new Error('connection refused')) });
    expect(await healthOf(failing).check()).toEqual({ eventStore: { status: 'down', message: 'connection refused' } });
  });

  it('is down after 2 s when the store does not answer at all', async () => {
    jest.useFakeTimers();
    try {
      const hanging = Object.assign(new MemoryEventStore(), { headPosition: () => new Promise<number>(() => undefined) });
      const result = healthOf(hanging).check();
      await jest.advanceTimersByTimeAsync(2_000);
      expect(await result).toEqual({ eventStore: { status: 'down', message: 'no answer within 2000 ms' } });
    } finally {
      jest.useRealTimers();
    }
  });
});
