import type { RecordedEvent } from './envelope';

/**
 * Another tenant's stream must be indistinguishable from a missing one in every
 * answer (404 on a read or a command, 412 under If-Match): so it reads as empty.
 * A stream's tenant is the one its first event records.
 */
export const streamVisibleTo = (tenantId: string, history: readonly RecordedEvent[]): readonly RecordedEvent[] =>
  history.length > 0 && history[0].metadata.tenantId !== tenantId ? [] : history;
