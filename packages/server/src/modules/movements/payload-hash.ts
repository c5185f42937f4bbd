import { createHash } from 'node:crypto';
import { canonicalJson } from '@storelink/domain';

/**
 * `hashPayload` of the domain (lowercase hex SHA-256 of the JCS form), with Node's native SHA-256
 * instead of the portable one: the same bytes in, the same hash out, several times faster on the
 * ingest's hot path. Throws like `canonicalJson` on a value JSON cannot carry.
 */
export function hashPayloadNative(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}
