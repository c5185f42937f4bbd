import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * RFC 8785 (JCS) canonical JSON. Throws on values JSON cannot represent (undefined at the top,
 * functions, NaN), so a hash is never computed over something the wire would not carry.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** `payloadHash` of a movement (SPEC §12.2): lowercase hex SHA-256 of the JCS form of `payload`. */
export function hashPayload(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
