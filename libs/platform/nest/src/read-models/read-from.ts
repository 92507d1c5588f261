import { ReadModelBehind, ReadStoreUnavailable, awaitReadModelPosition } from '../http/read-your-writes';
import type { ProjectedDocument, ReadModelAccess, ReadModelStorage } from '@meridian/platform/projections';

/**
 * Failures of the read store or of Kafka: the breaker's own (open, timed
 * out), the MongoDB driver's and kafkajs's. Anything else is a bug and stays a 500.
 */
const isDependencyFailure = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'EOPENBREAKER' || code === 'ETIMEDOUT' || /^(Mongo|Mongoose|KafkaJS)/.test(error.name) || /ECONNREFUSED|ENOTFOUND|timed out/i.test(error.message);
};

/**
 * Runs a query against a read model, first waiting (bounded) for
 * `minPosition` when the client asked for read-your-writes. A store or
 * broker outage becomes 503 with Retry-After (the cause is logged, not sent).
 */
export const readFrom = async <TDocument extends ProjectedDocument, TResult>(
  readModel: string,
  access: ReadModelAccess<TDocument>,
  wait: Readonly<{ minPosition: number | undefined; maxWaitMs: number }>,
  query: (storage: ReadModelStorage<TDocument>) => Promise<TResult>,
): Promise<TResult> => {
  try {
    await awaitReadModelPosition(readModel, access, wait.minPosition, wait.maxWaitMs);
    return await query(await access.storage());
  } catch (error) {
    if (error instanceof ReadModelBehind || !isDependencyFailure(error)) throw error;
    throw new ReadStoreUnavailable(readModel, error);
  }
};
