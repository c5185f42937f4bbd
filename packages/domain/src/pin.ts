import { scryptAsync } from '@noble/hashes/scrypt.js';
import { randomBytes } from '@noble/hashes/utils.js';

/**
 * Operator PINs are hashed on the server and checked offline at the station, so the format and
 * the check live here, shared by both: `pin-scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 * The cost is modest because a register must check a PIN quickly on small hardware; the salt
 * still makes each operator's hash distinct.
 */
const COST = { N: 2 ** 12, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, { ...COST, dkLen: KEY_LENGTH });
  return ['pin-scrypt', COST.N, COST.r, COST.p, toBase64(salt), toBase64(key)].join('$');
}

/** Constant-time comparison of the derived key; a malformed hash never matches. */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'pin-scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = fromBase64(hash);
  const key = await scryptAsync(pin, fromBase64(salt), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length,
  });
  let diff = key.length ^ expected.length;
  for (let i = 0; i < key.length; i += 1) diff |= (key[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
