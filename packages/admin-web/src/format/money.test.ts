import { describe, expect, it } from 'vitest';
import { formatBp, formatCents, formatCentsInput, parseBp, parseCents } from './money';

// Intl separates "R$" from the number with a no-break space.
const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

describe('money on screen', () => {
  it('shows integer cents as BRL', () => {
    expect(nbsp(formatCents(123456))).toBe('R$ 1.234,56');
    expect(nbsp(formatCents(5))).toBe('R$ 0,05');
    expect(nbsp(formatCents(0))).toBe('R$ 0,00');
    expect(nbsp(formatCents(100_000_000_000))).toBe('R$ 1.000.000.000,00');
  });

  it('reads typed amounts into integer cents by their digits', () => {
    expect(parseCents('12,34')).toBe(1234);
    expect(parseCents('12,3')).toBe(1230);
    expect(parseCents('12')).toBe(1200);
    expect(parseCents('1.234,56')).toBe(123456);
    expect(parseCents('R$ 0,99')).toBe(99);
    expect(parseCents(',5')).toBe(50);
    expect(parseCents('12.34')).toBe(1234);
    expect(parseCents('1.234')).toBe(123400);
    // 0.1 + 0.2 style amounts come out exact, with no float on the way.
    expect(parseCents('0,29')).toBe(29);
    expect(parseCents('1.005,57')).toBe(100557);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '12,345', '-1,00', '1,2,3', '12.3.4', '1.23,00', '1e3']) {
      expect(parseCents(text), text).toBeUndefined();
    }
    expect(parseCents('1.000.000.000,01')).toBeUndefined();
  });

  it('round-trips the edit text of an amount', () => {
    for (const cents of [0, 1, 99, 100, 123456, 100_000_000_000]) {
      expect(parseCents(formatCentsInput(cents))).toBe(cents);
    }
  });

  it('shows basis points as a percent with two decimals', () => {
    expect(formatBp(1250, 'pt-BR')).toBe('12,50 %');
    expect(formatBp(5, 'en')).toBe('0.05%');
    expect(formatBp(10000, 'pt-BR')).toBe('100,00 %');
    expect(parseBp('12,5')).toBe(1250);
    expect(parseBp('2,99 %')).toBe(299);
  });
});
