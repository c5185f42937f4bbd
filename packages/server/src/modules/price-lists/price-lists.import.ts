import type { Readable } from 'node:stream';
import { Price, type ImportResult, type PriceList } from '@storelink/contracts';
import { newId } from '../../db/ids';
import { runWrite, type Actor, type WriteDeps } from '../../db/write';
import { CSV, type StreamedType } from '../../http/streamed-body';
import { compileRowValidator } from '../../http/validation';
import { readArrayRows, readCsvRows, readNdjsonRows, type ImportRow } from '../../imports/import-rows';
import { ImportTally, describeFieldErrors, type RowFailure } from '../../imports/import-tally';
import * as repo from './price-lists.repository';
import { toPrice, visiblePrice } from './price-lists.wire';

export const PRICE_IMPORT_CSV_HEADER = ['skuCode', 'priceCents'] as const;
/** Prices written per transaction. */
export const PRICE_BATCH = 1000;

/** The single-price body's schema (`{skuCode, priceCents}`), compiled once. */
const checkPrice = compileRowValidator<Price>(Price);

/** Where the prices come from: a streamed CSV or NDJSON body, or a parsed JSON array. */
export type PriceSource =
  { format: StreamedType; body: Readable } | { format: 'application/json'; items: unknown[] };

interface PendingPrice {
  line: number;
  price: Price;
}

/**
 * `PUT /price-lists/:id/prices` (SPEC §12.4): upserts the prices it lists, leaves the others.
 * Rows are checked against the `Price` schema as they are read and written in batches of
 * PRICE_BATCH, one transaction each. A row naming a SKU that does not exist is refused
 * (`validation_failed`, docs/decisions/0020); the others are kept. A price that does not change
 * writes no change row; each batch writes one audit entry with its counts (docs/decisions/0023).
 */
export async function importPrices(
  deps: WriteDeps,
  actor: Actor,
  priceList: PriceList,
  source: PriceSource,
): Promise<ImportResult> {
  const tally = new ImportTally();
  const importId = newId();
  let batch: PendingPrice[] = [];
  let batchNumber = 0;
  for await (const row of rowsOf(source)) {
    tally.receive();
    if ('error' in row) {
      tally.fail({
        line: row.line,
        code: 'validation_failed',
        detail: `The ${source.format === CSV ? 'row' : 'line'} ${row.error}`,
      });
      continue;
    }
    const checked = checkPrice(row.value);
    if (!checked.ok) {
      tally.fail({ line: row.line, code: 'validation_failed', detail: describeFieldErrors(checked.errors) });
      continue;
    }
    batch.push({ line: row.line, price: checked.value });
    if (batch.length >= PRICE_BATCH) {
      batchNumber += 1;
      await writeBatch(deps, actor, priceList, batch, tally, {
        importId,
        format: source.format,
        batchNumber,
      });
      batch = [];
    }
  }
  if (batch.length > 0) {
    batchNumber += 1;
    await writeBatch(deps, actor, priceList, batch, tally, { importId, format: source.format, batchNumber });
  }
  return tally.result();
}

function rowsOf(source: PriceSource): AsyncIterable<ImportRow<unknown>> {
  if (source.format === 'application/json') return readArrayRows(source.items);
  if (source.format === CSV) return pricesFromCsv(source.body);
  return readNdjsonRows(source.body);
}

/** A CSV row becomes the `{skuCode, priceCents}` it describes; numbers are read as numbers. */
async function* pricesFromCsv(body: Readable): AsyncGenerator<ImportRow<unknown>> {
  for await (const row of readCsvRows(body, PRICE_IMPORT_CSV_HEADER)) {
    if ('error' in row) {
      yield row;
      continue;
    }
    const { skuCode = '', priceCents = '' } = row.value;
    const cents = Number(priceCents);
    yield {
      line: row.line,
      value: {
        ...(skuCode !== '' ? { skuCode } : {}),
        // "12.5" stays a number so the schema says "must be an integer"; "abc" stays text.
        ...(priceCents !== '' ? { priceCents: Number.isFinite(cents) ? cents : priceCents } : {}),
      },
    };
  }
}

async function writeBatch(
  deps: WriteDeps,
  actor: Actor,
  priceList: PriceList,
  batch: readonly PendingPrice[],
  tally: ImportTally,
  info: { importId: string; format: string; batchNumber: number },
): Promise<void> {
  const outcome = await runWrite(deps, actor, async (w) => {
    const codes = [...new Set(batch.map((p) => p.price.skuCode))];
    const skus = await repo.findExistingSkuCodes(w.tx, codes);
    const old = new Map(
      (await repo.findPrices(w.tx, priceList.code, codes)).map((r) => [r.skuCode, Number(r.priceCents)]),
    );
    const current = new Map(old);
    const failures: RowFailure[] = [];
    for (const { line, price } of batch) {
      if (!skus.has(price.skuCode)) {
        failures.push({
          line,
          code: 'validation_failed',
          detail: `skuCode: no SKU has code ${price.skuCode}; create it (or import the products) first`,
        });
        continue;
      }
      current.set(price.skuCode, price.priceCents);
    }
    const changed = [...current].filter(([skuCode, cents]) => old.get(skuCode) !== cents);
    await repo.upsertPrices(
      w.tx,
      changed.map(([skuCode, priceCents]) => ({
        priceListCode: priceList.code,
        skuCode,
        priceCents,
        updatedAt: w.at,
      })),
    );
    for (const [skuCode, priceCents] of changed) {
      const before = old.get(skuCode);
      w.recordChange({
        entity: 'price',
        key: skuCode,
        before:
          before === undefined
            ? null
            : visiblePrice(priceList.code, toPrice({ skuCode, priceCents: before })),
        after: visiblePrice(priceList.code, toPrice({ skuCode, priceCents })),
      });
    }
    const lines = batch.map((p) => p.line);
    w.audit({
      action: 'price.import',
      entity: 'priceList',
      entityId: priceList.id,
      details: {
        importId: info.importId,
        format: info.format,
        batch: info.batchNumber,
        priceListCode: priceList.code,
        fromLine: Math.min(...lines),
        toLine: Math.max(...lines),
        rowsUpserted: batch.length - failures.length,
        rowsFailed: failures.length,
        pricesChanged: changed.length,
        skuCodes: changed.map(([skuCode]) => skuCode),
      },
    });
    return { upserted: batch.length - failures.length, failures };
  });
  tally.upsert(outcome.upserted);
  for (const failure of outcome.failures) tally.fail(failure);
}
