import type { InProcessProjections, InProcessReadStore } from '@meridian/platform/projections';
import { memoryReadStore } from '@meridian/platform/projections';
import { EVENT_STORE } from '../eventstore/event-store.module';
import { ReadinessRegistry } from '../health/readiness-registry';
import { HOST_LISTENING } from '../http/host-listening';
import { READ_STORE } from './read-store.module';

/**
 * What a module that feeds read models in process injects: the event store,
 * the host's read store, the readiness registry and the promise that the
 * port is open (catch-ups wait for it). All but the first are optional, for
 * hosts built without them; such a host keeps its read models in memory and
 * catches up at once.
 */
export const inProcessReadSideInject = [
  EVENT_STORE, { token: READ_STORE, optional: true }, { token: ReadinessRegistry, optional: true }, { token: HOST_LISTENING, optional: true },
];

export const readStoreOrMemory = (readStore: InProcessReadStore | undefined): InProcessReadStore => readStore ?? memoryReadStore();

/** /health/ready reports the feed by `name`: down while it replays or catches up (with how far it is), up once live. */
export const reportFeedReadiness = (registry: ReadinessRegistry | undefined, name: string, feed: InProcessProjections): void => {
  registry?.register(name, () => {
    const status = feed.status();
    return { ready: status.state === 'live', details: { state: status.state, position: status.position, headAtStart: status.head } };
  });
};
