import type { Connection } from 'mongoose';
import type { ProjectedDocument, Projection } from './projection';
import type { generationCollections } from './read-model-generations';

export type GenerationCollections = ReturnType<typeof generationCollections>;

/** Everything the runtime needs to host a read model: its logic, its source topics, its indexes. */
export type ReadModelDefinition<TDocument extends ProjectedDocument> = Readonly<{
  projection: Projection<TDocument>;
  /** Topic names without the deployment prefix, e.g. `crm.opportunities`. */
  topics: readonly string[];
  /** Creates the indexes its queries need on one generation's collections (idempotent). */
  ensureIndexes?: (connection: Connection, collections: GenerationCollections) => Promise<void>;
}>;

export const prefixedTopics = (definition: Readonly<{ topics: readonly string[] }>, topicPrefix = ''): string[] =>
  definition.topics.map((topic) => `${topicPrefix}${topic}`);
