/**
 * Money and percentages on screen. Amounts travel as integer cents and percentages as basis
 * points (SPEC §3); what a person types ("12,34") is turned into an integer by reading its
 * digits, never through a float.
 */

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** The largest amount the contracts accept (`Cents` maximum), also the largest we parse. */
const MAX_CENTS = 100_000_000_000;

/** Splits an integer into its whole part and a two-digit fraction, exactly. */
function splitHundredths(value: number): { whole: string; fraction: string; negative: boolean } {
  const negative = value < 0;
  const digits = String(Math.abs(Math.trunc(value))).padStart(3, '0');
  return { whole: digits.slice(0, -2).replace(/^0+(?=\d)/, ''), fraction: digits.slice(-2), negative };
}

/** 123456 → "R$ 1.234,56". */
export function formatCents(cents: number): string {
  const { whole, fraction, negative } = splitHundredths(cents);
  // Intl accepts a decimal string and formats it exactly (no binary fraction involved).
  return brl.format(`${negative ? '-' : ''}${whole}.${fraction}` as unknown as number);
}

/** 123456 → "1234,56": the text an amount field starts with when editing. */
export function formatCentsInput(cents: number): string {
  const { whole, fraction, negative } = splitHundredths(cents);
  return `${negative ? '-' : ''}${whole},${fraction}`;
}

/**
 * Reads a decimal with at most two fraction digits as hundredths: "12,34" → 1234, "1.234,5" →
 * 123450, "12" → 1200, "R$ 0,99" → 99. A comma is the decimal separator and dots group
 * thousands; without a comma, one dot followed by one or two digits is read as the decimal
 * point ("12.34", as typed on an English keyboard). Answers `undefined` for anything else,
 * including negatives and more than two decimals.
 */
export function parseHundredths(text: string): number | undefined {
  const cleaned = text.replace(/R\$|\s|%/g, '');
  if (cleaned === '') return undefined;
  let whole: string;
  let fraction: string;
  const comma = /^(\d{1,3}(?:\.\d{3})+|\d*),(\d{0,2})$/.exec(cleaned);
  const dotDecimal = /^(\d*)\.(\d{1,2})$/.exec(cleaned);
  const grouped = /^(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(cleaned);
  if (comma) {
    whole = comma[1] ?? '';
    fraction = comma[2] ?? '';
  } else if (dotDecimal) {
    whole = dotDecimal[1] ?? '';
    fraction = dotDecimal[2] ?? '';
  } else if (grouped) {
    whole = grouped[1] ?? '';
    fraction = '';
  } else {
    return undefined;
  }
  const digits = `${whole.replace(/\./g, '')}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits) || digits.length > 15) return undefined;
  return Number(digits);
}

/** "12,34" → 1234 cents; `undefined` when it is not an amount the API can take. */
export function parseCents(text: string): number | undefined {
  const cents = parseHundredths(text);
  return cents !== undefined && cents <= MAX_CENTS ? cents : undefined;
}

/** 1250 basis points → "12,50 %" (pt-BR) or "12.50%" (English). */
export function formatBp(bp: number, language: 'pt-BR' | 'en'): string {
  const { whole, fraction, negative } = splitHundredths(bp);
  const sign = negative ? '-' : '';
  return language === 'pt-BR' ? `${sign}${whole},${fraction} %` : `${sign}${whole}.${fraction}%`;
}

/** 1250 → "12,50": the text a percent field starts with when editing. */
export function formatBpInput(bp: number): string {
  return formatCentsInput(bp);
}

/** "12,5" (percent) → 1250 basis points; `undefined` when not a percent with ≤ 2 decimals. */
export function parseBp(text: string): number | undefined {
  return parseHundredths(text);
}
