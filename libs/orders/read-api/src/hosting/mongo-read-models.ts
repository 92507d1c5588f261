import type { MongoReadSideSettings } from '@meridian/platform/nest';
import { openMongoReadSide } from '@meridian/platform/nest';
import { orderListDefinition } from '@meridian/read-models/order-list';
import type { OrderReadModels } from '../shared/order-read-models';

export type MongoOrderReadModelsSettings = MongoReadSideSettings & Readonly<{ maxWaitMs: number }>;

export type MongoOrderReadModels = Readonly<{ readModels: OrderReadModels; close: () => Promise<void> }>;

/**
 * The services' read side: the order list's active generation in MongoDB,
 * kept by the projections process (see openMongoReadSide: lazy connections,
 * one breaker, the relay's progress for read-your-writes).
 */
export const openMongoOrderReadModels = (settings: MongoOrderReadModelsSettings): MongoOrderReadModels => {
  const side = openMongoReadSide(settings);
  return { readModels: { orderList: side.access(orderListDefinition), maxWaitMs: settings.maxWaitMs }, close: side.close };
};
