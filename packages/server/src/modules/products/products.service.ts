import type { Readable } from 'node:stream';
import type {
  ImportResult,
  PageOf,
  Product,
  ProductCreate,
  ProductListQuery,
  ProductUpdate,
} from '@storelink/contracts';
import { decodeCursor, encodeCursor } from '../../db/paging';
import { runWrite, type Actor, type WriteDeps } from '../../db/write';
import { conflict, invalid, notFound, type AppError } from '../../http/app-error';
import type { StreamedType } from '../../http/streamed-body';
import { importProducts } from './products.import';
import { hasChanges, keysOf, planProductWrite, type ProductWrite, type WriteFailure } from './products.plan';
import * as repo from './products.repository';
import { CatalogState, loadProductStates, toProduct } from './products.state';
import { ProductWriteSet, recordProductChange } from './products.write';

export { toProduct } from './products.state';

/** A refused single write: a conflict names what is in the way, anything else names the fields. */
function toAppError(failures: readonly WriteFailure[]): AppError {
  const clash = failures.find((f) => f.code === 'conflict');
  if (clash) return conflict(clash.detail);
  return invalid(failures.map((f) => ({ path: f.path, message: f.detail })));
}

export function createProductsService(deps: WriteDeps) {
  /**
   * One product write in its own transaction, through the same planner and writer the import
   * uses. A write that changes nothing writes no audit entry and no change (docs/decisions/0021).
   */
  function writeOne(
    actor: Actor,
    action: string,
    write: ProductWrite | ((code: string) => ProductWrite),
    id?: string,
  ) {
    return runWrite(deps, actor, async (w) => {
      let resolved: ProductWrite;
      if (typeof write === 'function') {
        const row = await repo.findProductById(w.tx, id ?? '');
        if (!row) throw notFound('product', id ?? '');
        resolved = write(row.code);
      } else {
        resolved = write;
      }
      const catalog = await CatalogState.load(w.tx, keysOf([resolved]));
      const outcome = planProductWrite(catalog, resolved, w.at);
      if (!outcome.ok) throw toAppError(outcome.failures);
      const planned = outcome.write;
      if (!hasChanges(planned)) return toProduct(planned.after);
      const writes = new ProductWriteSet();
      writes.add(planned);
      await writes.flush(w.tx);
      const { before, after } = recordProductChange(w, planned);
      w.audit({ action, entity: 'product', entityId: planned.after.row.id, before, after });
      return after;
    });
  }

  return {
    async list(query: ProductListQuery): Promise<PageOf<Product>> {
      const limit = query.limit ?? 50;
      const rows = await repo.listProducts(deps.db, { ...query, limit }, decodeCursor(query.cursor));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: (await loadProductStates(deps.db, page)).map(toProduct),
        nextCursor: rows.length > limit && last ? encodeCursor(last.code) : null,
      };
    },

    async get(id: string): Promise<Product> {
      const row = await repo.findProductById(deps.db, id);
      if (!row) throw notFound('product', id);
      const [state] = await loadProductStates(deps.db, [row]);
      return toProduct(state ?? { row, skus: new Map() });
    },

    create(actor: Actor, input: ProductCreate): Promise<Product> {
      return writeOne(actor, 'product.create', { kind: 'create', input });
    },

    update(actor: Actor, id: string, input: ProductUpdate): Promise<Product> {
      return writeOne(actor, 'product.update', (code) => ({ kind: 'update', code, input }), id);
    },

    /** Idempotent: the product goes inactive, its SKUs stay as they are. */
    deactivate(actor: Actor, id: string): Promise<Product> {
      return writeOne(
        actor,
        'product.deactivate',
        (code) => ({ kind: 'update', code, input: { active: false } }),
        id,
      );
    },

    /** `POST /products/import`: see products.import.ts. */
    import(actor: Actor, format: StreamedType, body: Readable): Promise<ImportResult> {
      return importProducts(deps, actor, format, body);
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
