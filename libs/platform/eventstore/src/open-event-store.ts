import type { EventStore } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { openSqlExecutor } from './open-sql-executor';
import { SqlEventStore } from './sql-event-store';

/**
 * Opens the event store a URL names:
 * - `postgres://…` / `postgresql://…`: PostgreSQL (schema created if missing);
 * - `embedded:<dir>`: PGlite with its data in <dir> (created if missing), no server;
 * - `memory:`: in-process, lost on exit; for tests.
 */
export const openEventStore = async (url: string): Promise<EventStore> => {
  const trimmed = url.trim();
  const scheme = schemeOf(trimmed);
  switch (scheme) {
    case 'postgres:':
    case 'postgresql:':
    case 'embedded:':
      return SqlEventStore.open(await openSqlExecutor(trimmed));
    case 'memory:':
      return new MemoryEventStore();
    case 'esdb:':
    case 'esdb+discover:':
    case 'kurrentdb:':
    case 'kurrentdb+discover:':
      throw new Error(
        `Event store URL scheme "${scheme}" names EventStoreDB/KurrentDB, whose adapter is not part of this build yet; ` +
          'use postgres://…, embedded:<dir> or memory:',
      );
    default:
      throw new Error(
        `Unsupported event store URL scheme "${scheme}"; expected postgres://…, postgresql://…, embedded:<dir> or memory:`,
      );
  }
};

/** Only the scheme is ever echoed back: the rest of the URL may hold a password. */
const schemeOf = (url: string): string => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? '(none)';
