import type { Readable } from 'node:stream';
import {
  PRODUCT_IMPORT_CSV_HEADER,
  ProductCreate,
  type ImportResult,
  type SkuInput,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { translateDatabaseError } from '../../db/database-errors';
import { CSV, type StreamedType } from '../../http/streamed-body';
import { compileRowValidator } from '../../http/validation';
import { readCsvRows, readNdjsonRows } from '../../imports/import-rows';
import { ImportTally, describeFieldErrors, type RowFailure } from '../../imports/import-tally';
import { hasChanges, keysOf, planProductWrite, type PlannedWrite, type WriteFailure } from './products.plan';
import { CatalogState } from './products.state';
import { ProductWriteSet, recordProductChange } from './products.write';

/** A batch is written in one transaction once it holds this many products, or SKUs. */
export const IMPORT_BATCH_PRODUCTS = 1000;
export const IMPORT_BATCH_SKUS = 10_000;
/** `ProductCreate.skus` holds at most this many: one CSV group is split past it. */
const MAX_SKUS_PER_WRITE = 500;
/** A batch that loses a uniqueness race with a concurrent writer is planned again, this often. */
const BATCH_ATTEMPTS = 3;

/** The single-product route's own schema, compiled once. */
const checkProduct = compileRowValidator<ProductCreate>(ProductCreate);

/**
 * One product read from the file, waiting for its batch. CSV products carry one line per SKU and
 * are settled row by row (a bad SKU row does not sink its product's other rows); an NDJSON line
 * is one product resource and is settled whole.
 */
interface PendingProduct {
  input: ProductCreate & { skus: SkuInput[] };
  /** The file line of each SKU (CSV), or of the product (NDJSON, one entry). */
  lines: number[];
  isPerSku: boolean;
}

/**
 * `POST /products/import` (SPEC §12.4). Streams the body: rows are read, checked against the
 * `ProductCreate` schema and grouped into products as they arrive, and written in batches of up
 * to IMPORT_BATCH_PRODUCTS products, one transaction each, so memory stays flat whatever the file
 * size. Each product is upserted by code with exactly the rules of a single write (same planner,
 * same writer); each changed product gets one change-log row, and each batch one audit entry with
 * its counts (docs/decisions/0023). Good rows are kept; a bad row is reported with its line and
 * never fails the others.
 *
 * Throws (and the route answers with a problem) only when the file as a whole cannot be used: a
 * wrong CSV header, an unreadable stream, or the 1 GiB cap. Batches before that stay written.
 */
export async function importProducts(
  deps: WriteDeps,
  actor: Actor,
  format: StreamedType,
  body: Readable,
): Promise<ImportResult> {
  const tally = new ImportTally();
  const importId = newId();
  let batch: PendingProduct[] = [];
  let batchSkus = 0;
  let batchNumber = 0;
  const products = format === CSV ? productsFromCsv(body, tally) : productsFromNdjson(body, tally);
  for await (const product of products) {
    batch.push(product);
    batchSkus += product.input.skus.length;
    if (batch.length >= IMPORT_BATCH_PRODUCTS || batchSkus >= IMPORT_BATCH_SKUS) {
      batchNumber += 1;
      await writeBatch(deps, actor, batch, tally, { importId, format, batch: batchNumber });
      batch = [];
      batchSkus = 0;
    }
  }
  if (batch.length > 0) {
    await writeBatch(deps, actor, batch, tally, { importId, format, batch: batchNumber + 1 });
  }
  return tally.result();
}

async function* productsFromNdjson(body: Readable, tally: ImportTally): AsyncGenerator<PendingProduct> {
  for await (const row of readNdjsonRows(body)) {
    tally.receive();
    if ('error' in row) {
      tally.fail({ line: row.line, code: 'validation_failed', detail: `The line ${row.error}` });
      continue;
    }
    const checked = checkProduct(row.value);
    if (!checked.ok) {
      tally.fail({ line: row.line, code: 'validation_failed', detail: describeFieldErrors(checked.errors) });
      continue;
    }
    yield { input: { ...checked.value, skus: checked.value.skus ?? [] }, lines: [row.line], isPerSku: false };
  }
}

/** Consecutive rows of one product code form one product (one row per SKU). */
async function* productsFromCsv(body: Readable, tally: ImportTally): AsyncGenerator<PendingProduct> {
  let group: (PendingProduct & { firstLine: number }) | undefined;
  for await (const row of readCsvRows(body, PRODUCT_IMPORT_CSV_HEADER)) {
    tally.receive();
    if ('error' in row) {
      tally.fail({ line: row.line, code: 'validation_failed', detail: `The row ${row.error}` });
      continue;
    }
    const checked = checkCsvRow(row.value);
    if (!checked.ok) {
      tally.fail({ line: row.line, code: 'validation_failed', detail: checked.detail });
      continue;
    }
    const { product, sku } = checked;
    if (group && group.input.code !== product.code) {
      yield group;
      group = undefined;
    }
    if (!group) {
      group = { input: { ...product, skus: [sku] }, lines: [row.line], isPerSku: true, firstLine: row.line };
      continue;
    }
    const disagreement = productFieldsDiffer(group.input, product);
    if (disagreement) {
      tally.fail({
        line: row.line,
        code: 'validation_failed',
        detail: `${disagreement}: differs from line ${group.firstLine}, the first row of product ${product.code}; the rows of one product must agree`,
      });
      continue;
    }
    if (group.input.skus.length >= MAX_SKUS_PER_WRITE) {
      // A product with very many rows goes in several writes, like several PATCHes: a group
      // never holds more SKUs than one request may list, whatever the file holds.
      yield group;
      group = { ...group, input: { ...group.input, skus: [] }, lines: [] };
    }
    group.input.skus.push(sku);
    group.lines.push(row.line);
  }
  if (group) yield group;
}

type CsvRowCheck = { ok: true; product: ProductCreate; sku: SkuInput } | { ok: false; detail: string };

/**
 * A CSV row becomes the one-SKU `ProductCreate` it describes and is checked against that schema,
 * so a row obeys the same field rules as `POST /products`. Empty cells are omitted fields;
 * `barcodes` are `;`-separated; `active` is the SKU's flag (true, false, 1, 0; empty = true).
 */
function checkCsvRow(fields: Record<string, string>): CsvRowCheck {
  const cell = (name: string) => (fields[name] ? fields[name] : undefined);
  const active = parseActive(fields.active ?? '');
  const candidate = withoutUndefined({
    code: cell('productCode'),
    name: cell('productName'),
    brand: cell('brand'),
    category: cell('category'),
    skus: [
      withoutUndefined({
        code: cell('skuCode'),
        color: cell('color'),
        size: cell('size'),
        barcodes: (fields.barcodes ?? '')
          .split(';')
          .map((b) => b.trim())
          .filter(Boolean),
        active: active ?? undefined,
      }),
    ],
  });
  const checked = checkProduct(candidate);
  const errors = checked.ok ? [] : checked.errors.map((e) => ({ ...e, path: csvColumnOf(e.path) }));
  if (active === null) errors.push({ path: 'active', message: 'must be true, false, 1, 0 or empty' });
  if (!checked.ok || errors.length > 0) return { ok: false, detail: describeFieldErrors(errors) };
  const { skus, ...product } = checked.value;
  const sku = skus?.[0] as SkuInput;
  return { ok: true, product, sku: { ...sku, active: sku.active ?? true } };
}

/** true/false/1/0 (any case), empty = true; null when it is none of these. */
function parseActive(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return null;
}

function productFieldsDiffer(first: ProductCreate, next: ProductCreate): string | undefined {
  if (first.name !== next.name) return 'productName';
  if (first.brand !== next.brand) return 'brand';
  if (first.category !== next.category) return 'category';
  return undefined;
}

/** Names a field of the one-SKU product by its CSV column. */
function csvColumnOf(path: string): string {
  const sku = /^skus\[\d+\]\.?([A-Za-z]*)/.exec(path);
  if (sku) return sku[1] === 'code' || !sku[1] ? 'skuCode' : sku[1];
  if (path === 'code') return 'productCode';
  if (path === 'name') return 'productName';
  return path;
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface BatchInfo {
  importId: string;
  format: StreamedType;
  batch: number;
}

interface BatchOutcome {
  upserted: number;
  failures: RowFailure[];
}

/** Writes one batch in one transaction and settles its rows once it has committed. */
async function writeBatch(
  deps: WriteDeps,
  actor: Actor,
  batch: readonly PendingProduct[],
  tally: ImportTally,
  info: BatchInfo,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = await runWrite(deps, actor, (w) => planBatch(w, batch, info));
      tally.upsert(outcome.upserted);
      for (const failure of outcome.failures) tally.fail(failure);
      return;
    } catch (error) {
      // A concurrent writer took a code or barcode between our reads and our writes, or
      // PostgreSQL chose this batch as a deadlock victim: read again and re-plan.
      if (attempt >= BATCH_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001' || translateDatabaseError(error)?.code === 'conflict';
}

async function planBatch(
  w: WriteContext,
  batch: readonly PendingProduct[],
  info: BatchInfo,
): Promise<BatchOutcome> {
  const catalog = await CatalogState.load(
    w.tx,
    keysOf(batch.map((p) => ({ kind: 'upsert', input: p.input }))),
  );
  const writes = new ProductWriteSet();
  const failures: RowFailure[] = [];
  const written: string[] = [];
  let upserted = 0;
  let unchanged = 0;
  for (const pending of batch) {
    const settled = planPending(catalog, pending, w.at);
    failures.push(...settled.failures);
    upserted += settled.upserted;
    const planned = settled.write;
    if (!planned) continue;
    if (!hasChanges(planned)) {
      unchanged += 1;
      continue;
    }
    catalog.apply(planned.before, planned.after);
    writes.add(planned);
    recordProductChange(w, planned);
    written.push(planned.code);
  }
  await writes.flush(w.tx);
  const lines = batch.flatMap((p) => p.lines);
  w.audit({
    action: 'product.import',
    entity: 'product',
    details: {
      importId: info.importId,
      format: info.format,
      batch: info.batch,
      fromLine: Math.min(...lines),
      toLine: Math.max(...lines),
      rowsUpserted: upserted,
      rowsFailed: failures.length,
      productsWritten: written.length,
      productsUnchanged: unchanged,
      productCodes: written,
    },
  });
  return { upserted, failures };
}

/**
 * Plans one pending product. A CSV product whose SKU rows fail is planned again without them,
 * until the rest passes or no row is left: each bad row is reported, the good ones are kept, and
 * what is written is what the good rows alone would have written.
 */
function planPending(
  catalog: CatalogState,
  pending: PendingProduct,
  at: string,
): { write?: PlannedWrite; upserted: number; failures: RowFailure[] } {
  let skus = pending.input.skus.map((sku, i) => ({ sku, line: pending.lines[i] ?? pending.lines[0] ?? 0 }));
  const failures: RowFailure[] = [];
  for (;;) {
    const input = {
      ...pending.input,
      skus: skus.map((s) => s.sku),
      ...(pending.isPerSku ? { active: skus.some((s) => s.sku.active !== false) } : {}),
    };
    const outcome = planProductWrite(catalog, { kind: 'upsert', input }, at);
    if (outcome.ok) return { write: outcome.write, upserted: pending.isPerSku ? skus.length : 1, failures };
    const isWhole = !pending.isPerSku || outcome.failures.some((f) => f.skuIndex === null);
    if (isWhole) {
      const lines = pending.isPerSku ? skus.map((s) => s.line) : pending.lines.slice(0, 1);
      for (const line of lines) failures.push(rowFailure(line, outcome.failures, pending.isPerSku));
      return { upserted: 0, failures };
    }
    const bySku = new Map<number, WriteFailure[]>();
    for (const f of outcome.failures) {
      const index = f.skuIndex as number;
      bySku.set(index, [...(bySku.get(index) ?? []), f]);
    }
    for (const [index, skuFailures] of bySku) {
      failures.push(rowFailure(skus[index]?.line ?? 0, skuFailures, true));
    }
    skus = skus.filter((_, i) => !bySku.has(i));
    if (skus.length === 0) return { upserted: 0, failures };
  }
}

/** One failed row: a conflict outranks a validation error; the details are joined in plain words. */
function rowFailure(line: number, failures: readonly WriteFailure[], isCsv: boolean): RowFailure {
  const code = failures.some((f) => f.code === 'conflict') ? 'conflict' : 'validation_failed';
  const detail = failures.map((f) => `${isCsv ? csvColumnOf(f.path) : f.path}: ${f.detail}`).join('; ');
  return { line, code, detail };
}
