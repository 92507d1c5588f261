import { ReadModelBehind, ReadStoreUnavailable, awaitReadModelPosition } from '@meridian/platform/nest';
import type { ProjectedDocument, ReadModelAccess, ReadModelStorage } from '@meridian/platform/projections';

/**
 * Runs a query against a read model, first waiting (bounded) for
 * `minPosition` when the client asked for read-your-writes. Store failures
 * become 503 with Retry-After: a client never gets a 500 for an outage.
 */
export const readFrom = async <TDocument extends ProjectedDocument, TResult>(
  readModel: string,
  access: ReadModelAccess<TDocument>,
  wait: Readonly<{ minPosition: number | undefined; maxWaitMs: number }>,
  query: (storage: ReadModelStorage<TDocument>) => Promise<TResult>,
): Promise<TResult> => {
  try {
    await awaitReadModelPosition(readModel, access.reached, wait.minPosition, wait.maxWaitMs);
    return await query(await access.storage());
  } catch (error) {
    if (error instanceof ReadModelBehind) throw error;
    throw new ReadStoreUnavailable(readModel, error);
  }
};
