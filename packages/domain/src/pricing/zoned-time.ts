/**
 * Reading promotion times (SPEC §5.1, contract `PromotionInstant`) with nothing but
 * `Intl.DateTimeFormat`, available in Node and in browsers.
 *
 *   "2026-12-01T00:00"        wall clock ──(store timezone)──▶ instant (differs per store)
 *   "2026-12-01T00:00-03:00"  instant, the same for every store
 *
 * A wall-clock time that a daylight-saving change skips (a gap) is moved forward by the length of
 * the gap; one that happens twice (an overlap) means its earlier occurrence. That is the
 * `compatible` rule of java.time and of JavaScript's Temporal.
 */

import { isCalendarDate, utcMs } from '../calendar';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The fields of an ISO 8601 date-time; `offsetMinutes` is null when the text had no offset. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number | null;
}

/**
 * Parses `YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH:MM]`. Returns null when the text is malformed or names
 * a date or time that does not exist on the calendar (Feb 30, 24:00, 12:60, offset +25:00).
 * Digits past milliseconds are dropped.
 */
export function parseDateTime(text: string): DateTimeFields | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const fields: DateTimeFields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3)),
    offsetMinutes: offset === undefined ? null : parseOffsetMinutes(offset),
  };
  if (!isCalendarDate(fields.year, fields.month, fields.day)) return null;
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return null;
  if (offset !== undefined && fields.offsetMinutes === null) return null;
  return fields;
}

/** The fields read as if they were UTC, ignoring any offset (ms since the epoch). */
export function wallClockAsUtcMs(f: DateTimeFields): number {
  return utcMs(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond);
}

/**
 * The instant `text` denotes (ms since the epoch): with an offset, that instant; without one,
 * the wall-clock time read in `timezone`. Null when `text` is not a valid date-time. Throws a
 * RangeError when `timezone` is not an IANA name the runtime knows.
 */
export function resolveInstantMs(text: string, timezone: string): number | null {
  const f = parseDateTime(text);
  if (f === null) return null;
  const wall = wallClockAsUtcMs(f);
  if (f.offsetMinutes !== null) return wall - f.offsetMinutes * MINUTE_MS;
  return zonedWallClockToEpochMs(wall, timezone);
}

/**
 * The instant at which clocks in `timezone` read `wallMs` (a wall-clock time encoded as if UTC).
 * Gaps move forward by their length, overlaps take the earlier instant (see the file header).
 */
export function zonedWallClockToEpochMs(wallMs: number, timezone: string): number {
  const before = timezoneOffsetMs(wallMs - DAY_MS, timezone);
  const offsets = new Set([
    before,
    timezoneOffsetMs(wallMs, timezone),
    timezoneOffsetMs(wallMs + DAY_MS, timezone),
  ]);
  let earliest: number | null = null;
  for (const offset of offsets) {
    const candidate = wallMs - offset;
    if (timezoneOffsetMs(candidate, timezone) === offset && (earliest === null || candidate < earliest)) {
      earliest = candidate;
    }
  }
  // No offset fits: the time falls in a gap. Read with the offset in force before the gap, it lands
  // as far past the gap's end as it was past the gap's start.
  return earliest ?? wallMs - before;
}

/** How far `timezone`'s clocks are ahead of UTC at `epochMs` (negative west of Greenwich), in ms. */
export function timezoneOffsetMs(epochMs: number, timezone: string): number {
  const parts = formatterFor(timezone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (part === undefined) throw new RangeError(`cannot read ${type} in timezone ${timezone}`);
    return Number(part.value);
  };
  const hour = get('hour') % 24; // some runtimes say 24 for midnight
  const local = utcMs(get('year'), get('month'), get('day'), hour, get('minute'), get('second'), 0);
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return local - wholeSecond;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function parseOffsetMinutes(offset: string): number | null {
  if (offset === 'Z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
