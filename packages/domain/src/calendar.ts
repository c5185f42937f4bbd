/**
 * Calendar arithmetic on plain dates and UTC fields, with no timezone involved: a `YYYY-MM-DD`
 * is a day on the calendar, held as the epoch ms of its UTC midnight.
 */

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when year-month-day exists on the (proleptic Gregorian) calendar; month is 1–12. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const lastDay = new Date(utcMs(year, month + 1, 1, 0, 0, 0, 0) - DAY_MS).getUTCDate();
  return day <= lastDay;
}

/** Epoch ms of the given UTC fields (month 1–12). Years 0–99 stay literal, unlike `Date.UTC`. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** `YYYY-MM-DD` plus `days` (may be negative), as `YYYY-MM-DD`; null if `date` is not a real day. */
export function addDays(date: string, days: number): string | null {
  const m = DATE_ONLY.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) return null;
  return new Date(utcMs(year, month, day, 0, 0, 0, 0) + days * DAY_MS).toISOString().slice(0, 10);
}
