import { createHash } from 'node:crypto';
import { deterministicUuid } from '@meridian/platform/eventsourcing';

/** Lower-case hex SHA-256 of the uploaded bytes, exactly as received. */
export const fileSha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The same file uploaded again by the same tenant finds the same job (and another tenant's upload never does). */
export const customerImportIdOf = (tenantId: string, fileSha256: string): string =>
  deterministicUuid(tenantId, 'customer-import', fileSha256.toLowerCase());

/**
 * The customer a row registers: derived, not random, so a batch that crashed
 * after registering some of its rows re-runs onto the same streams, where the
 * customer decider treats the repeat registration as a no-op.
 */
export const importedCustomerIdOf = (tenantId: string, importId: string, row: number): string =>
  deterministicUuid(tenantId, 'customer-import', importId, 'row', String(row));
