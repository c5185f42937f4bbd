import type { ProductCreate, ProductUpdate, SkuInput } from '@storelink/contracts';
import { newId } from '../../db/ids';
import { toFlag } from '../../db/rows';
import type { ProductRow, SkuRow } from './products.repository';
import {
  byCodePoint,
  type CatalogKeys,
  type CatalogState,
  type ProductState,
  type SkuState,
} from './products.state';

/**
 * A product write, as the three entry points ask for it:
 * - `create` (POST): the product must be new;
 * - `update` (PATCH, DELETE): only the given fields change; a listed SKU keeps what it omits;
 * - `upsert` (import): the input is the whole record as the ERP has it, created or rewritten;
 *   omitted optional fields are cleared and `active` defaults to true (docs/decisions/0022).
 * In all three, listed SKUs are upserted by code, unlisted SKUs are left as they are, and a
 * listed SKU's barcodes (when given) replace its old ones.
 */
export type ProductWrite =
  | { kind: 'create'; input: ProductCreate }
  | { kind: 'update'; code: string; input: ProductUpdate }
  | { kind: 'upsert'; input: ProductCreate };

/** Why a write is refused: on the product itself (`skuIndex` null) or on one listed SKU. */
export interface WriteFailure {
  skuIndex: number | null;
  code: 'validation_failed' | 'conflict';
  /** The field, as in the request body: `skus[2].barcodes`. */
  path: string;
  detail: string;
}

/** A write that passed every rule, ready to apply: the product before and after, and what moved. */
export interface PlannedWrite {
  code: string;
  before: ProductState | null;
  after: ProductState;
  /** The product row must be written (new, or a field of its own changed). */
  productChanged: boolean;
  /** SKU rows to write (new, or a field changed). */
  changedSkus: SkuRow[];
  /** SKUs whose barcode set changed: their barcodes are rewritten. */
  rebarcodedSkus: SkuState[];
}

export type PlanOutcome = { ok: true; write: PlannedWrite } | { ok: false; failures: WriteFailure[] };

export function codeOf(write: ProductWrite): string {
  return write.kind === 'update' ? write.code : write.input.code;
}

/** The keys a batch of writes names, for `CatalogState.load`. */
export function keysOf(writes: readonly ProductWrite[]): CatalogKeys {
  const skus = writes.flatMap((w) => w.input.skus ?? []);
  return {
    productCodes: writes.map(codeOf),
    skuCodes: skus.map((s) => s.code),
    barcodes: skus.flatMap((s) => s.barcodes ?? []),
  };
}

export function hasChanges(write: PlannedWrite): boolean {
  return write.productChanged || write.changedSkus.length > 0 || write.rebarcodedSkus.length > 0;
}

/**
 * Checks one write against the catalog as it stands (the database plus the earlier writes of the
 * batch) and works out the product after it. Pure: nothing is changed until the caller applies it.
 *
 * Rules:
 * - a product code is created once (`create` on an existing code is a conflict);
 * - a SKU code belongs to one product forever: listing another product's SKU is a conflict;
 * - a barcode belongs to one SKU: taking one another SKU holds is a conflict naming that SKU,
 *   unless a SKU listed in this same write gives it up (moving a barcode inside a product);
 * - one write may not list a SKU, or a barcode, twice.
 */
export function planProductWrite(catalog: CatalogState, write: ProductWrite, at: string): PlanOutcome {
  const code = codeOf(write);
  const before = catalog.products.get(code) ?? null;
  if (write.kind === 'create' && before) {
    return refuse(
      null,
      'conflict',
      'code',
      `A product with code ${code} already exists. Use another code or update that product.`,
    );
  }
  if (write.kind === 'update' && !before) {
    throw new Error(`product ${code} was not loaded before planning its update`);
  }
  const replace = write.kind !== 'update';
  const productRow = planProductRow(before?.row, write, code, at);
  const failures: WriteFailure[] = [];
  const listed: { index: number; old: SkuState | undefined; next: SkuState }[] = [];
  const seen = new Set<string>();
  for (const [index, input] of (write.input.skus ?? []).entries()) {
    if (seen.has(input.code)) {
      failures.push(
        failure(index, 'validation_failed', 'code', `SKU ${input.code} is listed twice in this product`),
      );
      continue;
    }
    seen.add(input.code);
    const owner = catalog.skuOwners.get(input.code);
    if (owner !== undefined && owner !== code) {
      failures.push(
        failure(
          index,
          'conflict',
          'code',
          `SKU ${input.code} belongs to product ${owner}. A SKU stays with its product for good; use a new SKU code.`,
        ),
      );
      continue;
    }
    const old = before?.skus.get(input.code);
    listed.push({ index, old, next: planSku(replace ? undefined : old, old, input, code, at) });
  }

  const released = new Set<string>();
  for (const { old, next } of listed) {
    for (const barcode of old?.barcodes ?? []) if (!next.barcodes.includes(barcode)) released.add(barcode);
  }
  const claimedBy = new Map<string, string>();
  for (const { index, next } of listed) {
    for (const barcode of next.barcodes) {
      const other = claimedBy.get(barcode);
      if (other !== undefined) {
        failures.push(
          failure(
            index,
            'validation_failed',
            'barcodes',
            `barcode ${barcode} is also listed for SKU ${other}`,
          ),
        );
        continue;
      }
      claimedBy.set(barcode, next.row.code);
      const holder = catalog.barcodeOwners.get(barcode);
      const isMovedHere = holder?.productCode === code && released.has(barcode);
      if (holder && holder.skuCode !== next.row.code && !isMovedHere) {
        failures.push(
          failure(
            index,
            'conflict',
            'barcodes',
            `Barcode ${barcode} already belongs to SKU ${holder.skuCode} (product ${holder.productCode}). Remove it there first.`,
          ),
        );
      }
    }
  }
  if (failures.length > 0) return { ok: false, failures };

  const skus = new Map(before?.skus ?? []);
  const changedSkus: SkuRow[] = [];
  const rebarcodedSkus: SkuState[] = [];
  for (const { old, next } of listed) {
    const isRowChanged = !old || !sameSkuRow(old.row, next.row);
    const isBarcodesChanged = !sameList(old?.barcodes ?? [], next.barcodes);
    const sku: SkuState = {
      row: isRowChanged || !old ? next.row : old.row,
      barcodes: isBarcodesChanged || !old ? next.barcodes : old.barcodes,
    };
    if (isRowChanged) changedSkus.push(sku.row);
    if (isBarcodesChanged) rebarcodedSkus.push(sku);
    skus.set(sku.row.code, sku);
  }
  const productChanged = !before || !sameProductRow(before.row, productRow);
  const after: ProductState = { row: productChanged || !before ? productRow : before.row, skus };
  return { ok: true, write: { code, before, after, productChanged, changedSkus, rebarcodedSkus } };
}

function planProductRow(
  old: ProductRow | undefined,
  write: ProductWrite,
  code: string,
  at: string,
): ProductRow {
  const base = {
    id: old?.id ?? newId(),
    code,
    createdAt: old?.createdAt ?? at,
    updatedAt: at,
  };
  if (write.kind !== 'update') {
    const input = write.input;
    return {
      ...base,
      name: input.name,
      brand: input.brand ?? null,
      category: input.category ?? null,
      active: toFlag(input.active ?? true),
    };
  }
  const input = write.input;
  const current = old as ProductRow;
  return {
    ...base,
    name: input.name ?? current.name,
    brand: input.brand ?? current.brand,
    category: input.category ?? current.category,
    active: input.active === undefined ? current.active : toFlag(input.active),
  };
}

/** `kept` is the SKU whose omitted fields survive (PATCH of an existing SKU), else none. */
function planSku(
  kept: SkuState | undefined,
  old: SkuState | undefined,
  input: SkuInput,
  productCode: string,
  at: string,
): SkuState {
  return {
    row: {
      id: old?.row.id ?? newId(),
      code: input.code,
      productCode,
      color: input.color ?? kept?.row.color ?? null,
      size: input.size ?? kept?.row.size ?? null,
      active: input.active === undefined ? (kept?.row.active ?? 1) : toFlag(input.active),
      createdAt: old?.row.createdAt ?? at,
      updatedAt: at,
    },
    barcodes:
      input.barcodes !== undefined ? [...new Set(input.barcodes)].sort(byCodePoint) : (kept?.barcodes ?? []),
  };
}

function sameProductRow(a: ProductRow, b: ProductRow): boolean {
  return a.name === b.name && a.brand === b.brand && a.category === b.category && a.active === b.active;
}

function sameSkuRow(a: SkuRow, b: SkuRow): boolean {
  return a.color === b.color && a.size === b.size && a.active === b.active;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function failure(index: number, code: WriteFailure['code'], field: string, detail: string): WriteFailure {
  return { skuIndex: index, code, path: `skus[${index}].${field}`, detail };
}

function refuse(
  skuIndex: number | null,
  code: WriteFailure['code'],
  path: string,
  detail: string,
): PlanOutcome {
  return { ok: false, failures: [{ skuIndex, code, path, detail }] };
}
