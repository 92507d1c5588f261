import { createHash } from 'node:crypto';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import { defaultCountryCallingCode } from '@meridian/customers/domain';

/** Lower-case hex SHA-256 of the uploaded bytes, exactly as received. */
export const fileSha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The same file uploaded again by the same tenant finds the same job (and
 * another tenant's upload never does). The default country code is part of
 * the job: it decides how phones without one normalise, so a resumed run
 * must use the one its rows were read with, and a different code is another
 * reading of the file (its rows then come back as duplicates of the first).
 */
export const customerImportIdOf = (tenantId: string, fileSha256: string, defaultCountryCode: string = defaultCountryCallingCode): string =>
  deterministicUuid(tenantId, 'customer-import', fileSha256.toLowerCase(), defaultCountryCode);

/**
 * The customer a row registers: derived, not random, so a batch that crashed
 * after registering some of its rows re-runs onto the same streams, where the
 * customer decider treats the repeat registration as a no-op.
 */
export const importedCustomerIdOf = (tenantId: string, importId: string, row: number): string =>
  deterministicUuid(tenantId, 'customer-import', importId, 'row', String(row));
