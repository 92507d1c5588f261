import { readFrom } from '@meridian/platform/nest';
import type { CounterStore, ReadModelStore } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import { customerActivityReadModel } from '@meridian/read-models/customer-activity';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerListReadModel } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from './customer-read-models';

/**
 * Queries on the customer list, after waiting (bounded) for `minPosition`;
 * a store outage is a 503 (see readFrom).
 */
export const fromCustomerList = <T>(
  readModels: CustomerReadModels,
  minPosition: number | undefined,
  query: (documents: ReadModelStore<CustomerListItem>, counters: CounterStore) => Promise<T>,
): Promise<T> =>
  readFrom(customerListReadModel, readModels.customerList, { minPosition, maxWaitMs: readModels.maxWaitMs }, (storage) =>
    query(storage.documents, storage.counters),
  );

/** The same for customer activity. A query needing both waits for each: they are fed separately and may lag apart. */
export const fromCustomerActivity = <T>(
  readModels: CustomerReadModels,
  minPosition: number | undefined,
  query: (documents: ReadModelStore<CustomerActivityDocument>) => Promise<T>,
): Promise<T> =>
  readFrom(customerActivityReadModel, readModels.customerActivity, { minPosition, maxWaitMs: readModels.maxWaitMs }, (storage) =>
    query(storage.documents),
  );
