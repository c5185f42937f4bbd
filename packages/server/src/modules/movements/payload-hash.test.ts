import { describe, expect, it } from 'vitest';
import { hashPayload } from '@storelink/domain';
import { hashPayloadNative } from './payload-hash';
import { businessDateOf } from './ingest.projection';

describe('ingest hot-path helpers', () => {
  it("hashes payloads exactly as the domain's hashPayload does", () => {
    const payloads = [
      { b: 1, a: [3, 2, { z: null, y: 'ção €' }] },
      { saleId: '0192f0c5-0000-7000-8000-000000000000', totalCents: 123_456, note: '\u2028emoji 🙂' },
      [],
      'text',
      0,
    ];
    for (const payload of payloads) expect(hashPayloadNative(payload)).toBe(hashPayload(payload));
  });

  it('reads the business day in the store timezone, across a daylight-saving change', () => {
    const dayIn = (instant: string, timezone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date(instant));
    const instants = [
      '2026-03-08T04:59:59.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T06:59:00.000Z',
      '2026-03-08T07:01:00.000Z',
      '2026-11-01T03:59:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-05-01T14:59:59.999Z',
      '2026-05-01T15:00:00.000Z',
    ];
    for (const timezone of ['America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kathmandu']) {
      for (const instant of instants)
        expect(businessDateOf(instant, timezone), `${instant} ${timezone}`).toBe(dayIn(instant, timezone));
    }
  });
});
