import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { AppError } from '../http/app-error';

/**
 * One row of a bulk import, numbered by its line in the file (line 1 is the CSV header) so the
 * operator can open the file at the line an error names. A row that could not even be read
 * carries `error` instead of a value; it is reported and the import goes on.
 */
export type ImportRow<T> = { line: number; value: T } | { line: number; error: string };

/** A single CSV record or NDJSON line may not exceed this: it bounds the memory one row can take. */
export const MAX_ROW_BYTES = 1024 * 1024;

/**
 * Reads CSV records as `{column: text}` objects, streaming (csv-parse), after checking that the
 * header holds exactly `columns`, in any order. A wrong header refuses the whole file
 * (`validation_failed`) before any row is used. Malformed records (a stray quote, a wrong number
 * of fields) become row errors. Cells are trimmed; blank lines are skipped.
 */
export async function* readCsvRows(
  stream: Readable,
  columns: readonly string[],
): AsyncGenerator<ImportRow<Record<string, string>>> {
  const skipped: { line: number; error: string }[] = [];
  const parser = stream.pipe(
    parse({
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      max_record_size: MAX_ROW_BYTES,
    }),
  );
  parser.on('skip', (error: CsvError) => {
    const line = typeof error.lines === 'number' ? error.lines : 0;
    skipped.push({ line, error: `is not valid CSV: ${error.message}` });
  });
  stream.once('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skipped.splice(0);
      const { record, info } = item;
      if (!header) {
        header = checkHeader(record, columns);
        continue;
      }
      if (record.length !== header.length) {
        yield {
          line: info.lines,
          error: `has ${record.length} fields; the header has ${header.length}`,
        };
        continue;
      }
      const value: Record<string, string> = {};
      header.forEach((name, i) => (value[name] = record[i] ?? ''));
      yield { line: info.lines, value };
    }
  } catch (error) {
    throw readFailure(error);
  }
  yield* skipped.splice(0);
  if (!header)
    throw new AppError(
      'validation_failed',
      `The file is empty. Send the header ${columns.join(',')} and then the rows.`,
    );
}

function checkHeader(record: string[], columns: readonly string[]): string[] {
  const missing = columns.filter((c) => !record.includes(c));
  const unknown = record.filter((c) => !columns.includes(c));
  const repeated = record.filter((c, i) => record.indexOf(c) !== i);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw new AppError(
      'validation_failed',
      `The CSV header must be ${columns.join(',')} (${problems.join('; ')}).`,
      { errors: [{ path: 'header', message: `must have the columns ${columns.join(',')}` }] },
    );
  }
  return record;
}

/**
 * Reads NDJSON: one JSON value per line, blank lines skipped. Splits on the newline byte, which
 * never occurs inside a UTF-8 sequence, so lines are decoded whole. A line that is not JSON is a
 * row error; a line longer than MAX_ROW_BYTES stops the import, since the reader would otherwise
 * have to hold it.
 */
export async function* readNdjsonRows(stream: Readable): AsyncGenerator<ImportRow<unknown>> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  function* emit(bytes: Buffer): Generator<ImportRow<unknown>> {
    line += 1;
    let text = bytes.toString('utf8');
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    text = text.trim();
    if (text === '') return;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, error: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const whole = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        yield* emit(whole);
        start = nl + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_ROW_BYTES) throw tooLong(line + 1);
      }
    }
  } catch (error) {
    throw readFailure(error);
  }
  if (pendingBytes > 0) yield* emit(Buffer.concat(pending));
}

/** The JSON-array form of a bulk write: already parsed, numbered from 1 by position. */
export async function* readArrayRows(items: readonly unknown[]): AsyncGenerator<ImportRow<unknown>> {
  for (const [i, value] of items.entries()) yield { line: i + 1, value };
}

function tooLong(line: number): AppError {
  return new AppError(
    'validation_failed',
    `Line ${line} is longer than ${MAX_ROW_BYTES / 1024 / 1024} MiB; the import stopped there. Rows before it were imported.`,
  );
}

function readFailure(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as { code?: unknown; lines?: unknown };
  if (e.code === 'CSV_MAX_RECORD_SIZE') return tooLong(typeof e.lines === 'number' ? e.lines : 0);
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    return new AppError(
      'validation_failed',
      `The CSV could not be read past line ${String(e.lines)}: ${error instanceof Error ? error.message : ''}`,
    );
  }
  return error;
}
