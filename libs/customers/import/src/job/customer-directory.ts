// The read side's port, owned by the customers API; the importer only consumes it.
export type { CustomerDirectory } from '@meridian/customers/api';
