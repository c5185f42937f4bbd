import { describe, expect, it } from 'vitest';
import { parseDateTime, resolveInstantMs, timezoneOffsetMs } from './zoned-time';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseDateTime', () => {
  it('reads minutes-only, seconds and milliseconds, with or without an offset', () => {
    expect(parseDateTime('2026-12-01T00:00')).toMatchObject({
      year: 2026,
      month: 12,
      day: 1,
      offsetMinutes: null,
    });
    expect(parseDateTime('2026-12-01T10:20:30.5-03:00')).toMatchObject({
      second: 30,
      millisecond: 500,
      offsetMinutes: -180,
    });
    expect(parseDateTime('2026-12-01T10:20Z')?.offsetMinutes).toBe(0);
  });

  it.each([
    '2026-02-29T00:00',
    '2026-12-01T24:00',
    '2026-12-01T12:60',
    '2026-12-01',
    '2026-12-01T00:00+25:00',
    'x',
  ])('refuses %s', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe('resolveInstantMs', () => {
  it('reads an offset-less time as each store’s own wall clock', () => {
    expect(iso(resolveInstantMs('2026-12-01T00:00', 'America/Sao_Paulo'))).toBe('2026-12-01T03:00:00.000Z');
    expect(iso(resolveInstantMs('2026-12-01T00:00', 'America/Manaus'))).toBe('2026-12-01T04:00:00.000Z');
    expect(iso(resolveInstantMs('2026-12-01T00:00', 'Asia/Kolkata'))).toBe('2026-11-30T18:30:00.000Z');
  });

  it('reads a time with an offset as the same instant in every timezone', () => {
    for (const tz of ['America/Sao_Paulo', 'America/Manaus', 'UTC']) {
      expect(iso(resolveInstantMs('2026-12-01T00:00-03:00', tz))).toBe('2026-12-01T03:00:00.000Z');
    }
  });

  it('moves a time in a daylight-saving gap forward by the gap (São Paulo, 4 Nov 2018)', () => {
    expect(iso(resolveInstantMs('2018-11-03T23:59', 'America/Sao_Paulo'))).toBe('2018-11-04T02:59:00.000Z');
    expect(iso(resolveInstantMs('2018-11-04T00:00', 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(resolveInstantMs('2018-11-04T00:30', 'America/Sao_Paulo'))).toBe('2018-11-04T03:30:00.000Z');
    expect(iso(resolveInstantMs('2018-11-04T01:00', 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
  });

  it('takes the earlier of a time that happens twice (São Paulo, 16 Feb 2019)', () => {
    expect(iso(resolveInstantMs('2019-02-16T23:30', 'America/Sao_Paulo'))).toBe('2019-02-17T01:30:00.000Z');
  });

  it('returns null for an unreadable time and throws for an unknown timezone', () => {
    expect(resolveInstantMs('tomorrow', 'UTC')).toBeNull();
    expect(() => resolveInstantMs('2026-12-01T00:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('timezoneOffsetMs', () => {
  it('knows São Paulo had summer time in 2018 and has none in 2026', () => {
    expect(timezoneOffsetMs(Date.parse('2018-12-01T12:00:00Z'), 'America/Sao_Paulo')).toBe(-2 * 3_600_000);
    expect(timezoneOffsetMs(Date.parse('2026-12-01T12:00:00Z'), 'America/Sao_Paulo')).toBe(-3 * 3_600_000);
  });
});
