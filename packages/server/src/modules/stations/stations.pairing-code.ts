import { createHash, randomBytes } from 'node:crypto';

/**
 * Pairing codes (SPEC §4.1, §12.2): 8 characters of Crockford base32, upper case, from 40 random
 * bits, valid for 24 hours and single use. The server keeps only the SHA-256 of the code
 * (`stations.pairing_code_hash`), never the code itself, so a database dump cannot pair a register.
 *
 * `POST /sync/pair` looks a code up with `hashPairingCode(normalizePairingCode(input))`.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface IssuedPairingCode {
  code: string;
  hash: string;
  expiresAt: string;
}

/** A fresh code: 5 random bytes are exactly 8 base32 digits of 5 bits each. */
export function generatePairingCode(): string {
  let value = randomBytes(5).readUIntBE(0, 5);
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i += 1) {
    code = (CROCKFORD_ALPHABET[value % 32] as string) + code;
    value = Math.floor(value / 32);
  }
  return code;
}

/** Lowercase hex SHA-256 of a normalized code. */
export function hashPairingCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/**
 * What a person typed, read the Crockford way: case-insensitive, dashes and spaces ignored,
 * I and L read as 1, O as 0. Returns undefined when it cannot be a pairing code.
 */
export function normalizePairingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== PAIRING_CODE_LENGTH) return undefined;
  for (const c of code) if (!CROCKFORD_ALPHABET.includes(c)) return undefined;
  return code;
}

/** A new code for a station, expiring 24 hours after `at`. */
export function issuePairingCode(at: string): IssuedPairingCode {
  const code = generatePairingCode();
  return {
    code,
    hash: hashPairingCode(code),
    expiresAt: new Date(new Date(at).getTime() + PAIRING_CODE_TTL_MS).toISOString(),
  };
}
