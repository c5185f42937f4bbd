import { describe, expect, it } from 'vitest';
import { manualDiscountCents, requiresSupervisor } from './manual-discount';

describe('manual discount', () => {
  it('takes its percentage of what is left, half up', () => {
    expect(manualDiscountCents(9000, 1255)).toBe(1130);
    expect(manualDiscountCents(0, 5000)).toBe(0);
  });

  it('refuses a percentage outside 0–100 %', () => {
    expect(() => manualDiscountCents(100, 10_001)).toThrow(RangeError);
    expect(() => manualDiscountCents(100, -1)).toThrow(RangeError);
  });

  it('needs a supervisor only above the group maximum', () => {
    expect(requiresSupervisor(1001, 1000)).toBe(true);
    expect(requiresSupervisor(1000, 1000)).toBe(false);
    expect(requiresSupervisor(0, 0)).toBe(false);
  });
});
