import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { ByteLimit } from '../http/streamed-body';
import { MAX_ROW_BYTES, readCsvRows, readNdjsonRows, type ImportRow } from './import-rows';

async function collect<T>(rows: AsyncIterable<ImportRow<T>>): Promise<ImportRow<T>[]> {
  const out: ImportRow<T>[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('CSV rows', () => {
  it('names each row by its file line, takes the header in any order and trims cells', async () => {
    const rows = await collect(
      readCsvRows(Readable.from(['\uFEFFb,a\n 2 ,1\n\n"x\ny",3\n4,5,6\n']), ['a', 'b']),
    );
    expect(rows).toEqual([
      { line: 2, value: { a: '1', b: '2' } },
      { line: 5, value: { a: '3', b: 'x\ny' } },
      { line: 6, error: 'has 3 fields; the header has 2' },
    ]);
  });

  it('refuses a header with a missing or unknown column', async () => {
    await expect(collect(readCsvRows(Readable.from(['a,c\n1,2\n']), ['a', 'b']))).rejects.toMatchObject({
      code: 'validation_failed',
      detail: expect.stringContaining('missing b; unknown c'),
    });
  });

  it('reports a malformed record as a row error and goes on', async () => {
    const rows = await collect(readCsvRows(Readable.from(['a,b\n"1"x,2\n3,4\n']), ['a', 'b']));
    expect(rows[0]).toMatchObject({ line: 2, error: expect.stringContaining('not valid CSV') });
  });
});

describe('NDJSON rows', () => {
  it('splits lines across chunks, keeps multi-byte characters whole and skips blank lines', async () => {
    const text = Buffer.from('{"a":"é"}\r\n\n{bad\n{"b":2}');
    const chunks = [text.subarray(0, 7), text.subarray(7, 13), text.subarray(13)];
    const rows = await collect(readNdjsonRows(Readable.from(chunks)));
    expect(rows).toEqual([
      { line: 1, value: { a: 'é' } },
      { line: 3, error: expect.stringContaining('not valid JSON') },
      { line: 4, value: { b: 2 } },
    ]);
  });

  it('stops at a line longer than the row limit instead of holding it', async () => {
    const long = Readable.from([Buffer.from('{"a":1}\n'), Buffer.alloc(MAX_ROW_BYTES + 10, 0x20)]);
    await expect(collect(readNdjsonRows(long))).rejects.toMatchObject({
      code: 'validation_failed',
      detail: expect.stringContaining('Line 2'),
    });
  });
});

describe('byte limit', () => {
  it('passes a body up to the limit and fails with payload_too_large at the first byte past it', async () => {
    const exact = Readable.from([Buffer.alloc(60), Buffer.alloc(40)]).pipe(new ByteLimit(100));
    let received = 0;
    for await (const chunk of exact as AsyncIterable<Buffer>) received += chunk.length;
    expect(received).toBe(100);

    const over = Readable.from([Buffer.alloc(60), Buffer.alloc(41)]).pipe(new ByteLimit(100));
    const error: unknown = await (async () => {
      try {
        for await (const _ of over) void _;
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'payload_too_large' });
  });
});
