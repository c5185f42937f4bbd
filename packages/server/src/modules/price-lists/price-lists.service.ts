import type {
  ImportResult,
  ListQuery,
  PageOf,
  Price,
  PriceList,
  PriceListCreate,
  PriceListQuery,
  PriceListUpdate,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { decodeCursor, toPage } from '../../db/paging';
import { fromFlag, toFlag } from '../../db/rows';
import { runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, notFound } from '../../http/app-error';
import { importPrices, type PriceSource } from './price-lists.import';
import * as repo from './price-lists.repository';
import { toPrice, toPriceList, visiblePrice } from './price-lists.wire';

export { toPrice, toPriceList } from './price-lists.wire';

export function createPriceListsService(deps: WriteDeps) {
  async function load(w: WriteContext, id: string) {
    const row = await repo.findPriceListById(w.tx, id);
    if (!row) throw notFound('price list', id);
    return row;
  }

  async function write(
    w: WriteContext,
    before: repo.PriceListRow,
    patch: Partial<repo.PriceListRow>,
    action: string,
  ): Promise<PriceList> {
    if (patch.active === 0 && before.active === 1) {
      const groups = await repo.findActiveGroupsUsing(w.tx, before.code);
      if (groups.length > 0) {
        throw conflict(
          `Price list ${before.code} is used by the active station group(s) ${groups.join(', ')}. Give them another price list first.`,
        );
      }
    }
    const old = toPriceList(before);
    const after = toPriceList({ ...before, ...patch });
    if (old.name === after.name && old.active === after.active) return old;
    await repo.updatePriceList(w.tx, before.id, { ...patch, updatedAt: w.at });
    // A price list is not itself a sync entity: stations only see its prices, and the group's code.
    w.audit({ action, entity: 'priceList', entityId: before.id, before: old, after });
    return after;
  }

  async function loadForRead(id: string) {
    const row = await repo.findPriceListById(deps.db, id);
    if (!row) throw notFound('price list', id);
    return row;
  }

  return {
    async list(query: ListQuery): Promise<PageOf<PriceList>> {
      const limit = query.limit ?? 50;
      const rows = await repo.listPriceLists(deps.db, { ...query, limit }, decodeCursor(query.cursor));
      return toPage(rows, limit, (r) => r.code, toPriceList);
    },

    async get(id: string): Promise<PriceList> {
      return toPriceList(await loadForRead(id));
    },

    create(actor: Actor, input: PriceListCreate): Promise<PriceList> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findPriceListByCode(w.tx, input.code)) {
          throw conflict(
            `A price list with code ${input.code} already exists. Use another code or update that price list.`,
          );
        }
        const row: repo.PriceListRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertPriceList(w.tx, row);
        const priceList = toPriceList(row);
        w.audit({ action: 'priceList.create', entity: 'priceList', entityId: row.id, after: priceList });
        return priceList;
      });
    },

    update(actor: Actor, id: string, input: PriceListUpdate): Promise<PriceList> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w, id);
        const patch: Partial<repo.PriceListRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'priceList.update');
      });
    },

    /** Idempotent; refused while an active station group sells with the list. */
    deactivate(actor: Actor, id: string): Promise<PriceList> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w, id);
        if (!fromFlag(before.active)) return toPriceList(before);
        return write(w, before, { active: 0 }, 'priceList.deactivate');
      });
    },

    async listPrices(id: string, query: PriceListQuery): Promise<PageOf<Price>> {
      const priceList = await loadForRead(id);
      const limit = query.limit ?? 50;
      const rows = await repo.listPrices(deps.db, priceList.code, {
        limit,
        prefix: query.q,
        after: decodeCursor(query.cursor),
      });
      return toPage(rows, limit, (r) => r.skuCode, toPrice);
    },

    /**
     * Sets one price. The SKU named in the path must exist, active or not (`not_found` otherwise:
     * docs/decisions/0020). Setting the price it already has writes nothing.
     */
    setPrice(actor: Actor, id: string, skuCode: string, priceCents: number): Promise<Price> {
      return runWrite(deps, actor, async (w) => {
        const priceList = await load(w, id);
        if (!(await repo.findExistingSkuCodes(w.tx, [skuCode])).has(skuCode)) throw notFound('SKU', skuCode);
        const [old] = await repo.findPrices(w.tx, priceList.code, [skuCode]);
        const price = toPrice({ skuCode, priceCents });
        if (old && Number(old.priceCents) === priceCents) return price;
        await repo.upsertPrices(w.tx, [
          { priceListCode: priceList.code, skuCode, priceCents, updatedAt: w.at },
        ]);
        const before = old ? toPrice(old) : null;
        w.audit({
          action: 'price.set',
          entity: 'price',
          entityId: `${priceList.code}/${skuCode}`,
          before,
          after: price,
        });
        w.recordChange({
          entity: 'price',
          key: skuCode,
          before: before ? visiblePrice(priceList.code, before) : null,
          after: visiblePrice(priceList.code, price),
        });
        return price;
      });
    },

    /** `PUT /price-lists/:id/prices`: see price-lists.import.ts. */
    async importPrices(actor: Actor, id: string, source: PriceSource): Promise<ImportResult> {
      const priceList = await loadForRead(id);
      return importPrices(deps, actor, toPriceList(priceList), source);
    },
  };
}

export type PriceListsService = ReturnType<typeof createPriceListsService>;
