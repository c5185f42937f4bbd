import type { ErrorCode, ImportError, ImportResult } from '@storelink/contracts';
import type { FieldError } from '../http/app-error';

/** `ImportResult.errors` lists at most this many failed rows; `failed` counts them all. */
export const MAX_REPORTED_ERRORS = 1000;

export interface RowFailure {
  line: number;
  code: ErrorCode;
  detail: string;
}

/**
 * Counts an import's rows as they are settled: every row read is `received`, and ends either
 * `upserted` (written, or already as the file says) or `failed` with a line, a stable code and a
 * plain-words detail. `received = upserted + failed` once every row is settled.
 */
export class ImportTally {
  private receivedRows = 0;
  private upsertedRows = 0;
  private failedRows = 0;
  private readonly errors: ImportError[] = [];

  receive(): void {
    this.receivedRows += 1;
  }

  upsert(rows = 1): void {
    this.upsertedRows += rows;
  }

  fail(failure: RowFailure): void {
    this.failedRows += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ ...failure });
  }

  get received(): number {
    return this.receivedRows;
  }

  result(): ImportResult {
    // Batches settle in file order, but a row refused on reading is reported before the rows
    // of the batch it sits in: sort so the operator reads the errors down the file.
    const errors = [...this.errors].sort((a, b) => a.line - b.line);
    return { received: this.receivedRows, upserted: this.upsertedRows, failed: this.failedRows, errors };
  }
}

/** A row's field errors in one line of plain words: `productName: is required; size: …`. */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
