import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generatePairingCode,
  hashPairingCode,
  issuePairingCode,
  normalizePairingCode,
  PAIRING_CODE_TTL_MS,
} from './stations.pairing-code';

describe('pairing codes', () => {
  it('are 8 upper-case Crockford base32 characters, and every character of the alphabet occurs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const code = generatePairingCode();
      expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it('expire 24 hours after issue and are kept as their SHA-256 only', () => {
    const issued = issuePairingCode('2026-11-28T12:00:00.000Z');
    expect(issued.expiresAt).toBe('2026-11-29T12:00:00.000Z');
    expect(PAIRING_CODE_TTL_MS).toBe(86_400_000);
    expect(issued.hash).toBe(createHash('sha256').update(issued.code).digest('hex'));
    expect(issued.hash).not.toContain(issued.code);
  });

  it('read what a person typed the Crockford way: any case, dashes, I/L as 1 and O as 0', () => {
    expect(normalizePairingCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizePairingCode('oIl0 7zzz')).toBe('0110' + '7ZZZ');
    expect(hashPairingCode(normalizePairingCode('k7m2-p9qx') ?? '')).toBe(hashPairingCode('K7M2P9QX'));
    expect(normalizePairingCode('ABCDEFG')).toBeUndefined();
    expect(normalizePairingCode('ABCDEFGU')).toBeUndefined();
  });
});
