import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin';

describe('PIN hashes', () => {
  it('accepts the right PIN and refuses a wrong one', async () => {
    const hash = await hashPin('4321');
    expect(await verifyPin('4321', hash)).toBe(true);
    expect(await verifyPin('4322', hash)).toBe(false);
  });

  it('salts each hash, so two operators with the same PIN differ', async () => {
    expect(await hashPin('1234')).not.toBe(await hashPin('1234'));
  });

  it('never matches a malformed hash', async () => {
    expect(await verifyPin('1234', 'plain-1234')).toBe(false);
  });
});
