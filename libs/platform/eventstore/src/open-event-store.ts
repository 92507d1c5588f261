import type { EventStore } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { isEsdbUrl } from './esdb/esdb-connection-string';
import { openSqlExecutor } from './open-sql-executor';
import { SqlEventStore } from './sql-event-store';

/**
 * Opens the event store a URL names:
 * - `postgres://…` / `postgresql://…`: PostgreSQL (schema created if missing);
 * - `embedded:<dir>`: PGlite with its data in <dir> (created if missing), no server;
 * - `esdb://…`, `esdb+discover://…`, `kurrentdb://…`: EventStoreDB/KurrentDB (connects on first use);
 * - `memory:`: in-process, lost on exit; for tests.
 */
export const openEventStore = async (url: string): Promise<EventStore> => {
  const trimmed = url.trim();
  // Loaded on demand: its gRPC client is a large share of start-up for every other store.
  if (isEsdbUrl(trimmed)) return (await import('./esdb/open-esdb')).openEsdbEventStore(trimmed);
  const scheme = schemeOf(trimmed);
  switch (scheme) {
    case 'postgres:':
    case 'postgresql:':
    case 'embedded:':
      return SqlEventStore.open(await openSqlExecutor(trimmed));
    case 'memory:':
      return new MemoryEventStore();
    default:
      throw new Error(
        `Unsupported event store URL scheme "${scheme}"; expected postgres://…, postgresql://…, embedded:<dir>, esdb://…, kurrentdb://… or memory:`,
      );
  }
};

/** Only the scheme is ever echoed back: the rest of the URL may hold a password. */
const schemeOf = (url: string): string => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? '(none)';
