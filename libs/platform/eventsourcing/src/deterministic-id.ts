import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5 layout) from the given parts. Used so a
 * retried command with the same Idempotency-Key produces the same ids, which
 * the store then dedupes.
 */
export const deterministicUuid = (...parts: readonly string[]): string => {
  const digest = createHash('sha1').update(parts.join('\u001f')).digest();
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
