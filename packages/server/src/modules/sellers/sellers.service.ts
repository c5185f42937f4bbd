import type { ListQuery, PageOf, Seller, SellerCreate, SellerUpdate } from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { checkStoreCodes } from '../../db/references';
import { codesFromText, fromFlag, toFlag, toJsonText } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, requireFound } from '../../http/app-error';
import { storeScopes, type Visible } from '../changes/change-plan';
import * as repo from './sellers.repository';

export function toSeller(row: repo.SellerRow): Seller {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    storeCodes: codesFromText(row.storeCodes),
    active: fromFlag(row.active),
  };
}

/** A seller is visible in the stores listed, or everywhere when the list is empty (SPEC §12.1). */
function visible(seller: Seller): Visible {
  return { data: seller, scopes: storeScopes(seller.storeCodes), active: seller.active };
}

export function createSellersService(deps: WriteDeps) {
  const load = (db: Executor, id: string) => requireFound(repo.findSellerById(db, id), 'seller', id);

  async function write(
    w: WriteContext,
    before: repo.SellerRow,
    patch: Partial<repo.SellerRow>,
    action: string,
  ) {
    await repo.updateSeller(w.tx, before.id, { ...patch, updatedAt: w.at });
    const after = toSeller({ ...before, ...patch });
    const old = toSeller(before);
    w.audit({ action, entity: 'seller', entityId: before.id, before: old, after });
    w.recordChange({ entity: 'seller', key: before.code, before: visible(old), after: visible(after) });
    return after;
  }

  return {
    list(query: ListQuery): Promise<PageOf<Seller>> {
      return readPage(query, (page, after) => repo.listSellers(deps.db, page, after), toSeller);
    },

    async get(id: string): Promise<Seller> {
      return toSeller(await load(deps.db, id));
    },

    create(actor: Actor, input: SellerCreate): Promise<Seller> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findSellerByCode(w.tx, input.code)) {
          throw conflict(
            `A seller with code ${input.code} already exists. Use another code or update that seller.`,
          );
        }
        await checkStoreCodes(w.tx, input.storeCodes);
        const row: repo.SellerRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          storeCodes: toJsonText(input.storeCodes ?? []),
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertSeller(w.tx, row);
        const seller = toSeller(row);
        w.audit({ action: 'seller.create', entity: 'seller', entityId: row.id, after: seller });
        w.recordChange({ entity: 'seller', key: row.code, before: null, after: visible(seller) });
        return seller;
      });
    },

    update(actor: Actor, id: string, input: SellerUpdate): Promise<Seller> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        await checkStoreCodes(w.tx, input.storeCodes);
        const patch: Partial<repo.SellerRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.storeCodes !== undefined ? { storeCodes: toJsonText(input.storeCodes) } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'seller.update');
      });
    },

    /** Idempotent: deactivating an inactive seller answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<Seller> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toSeller,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'seller.deactivate'),
      });
    },
  };
}

export type SellersService = ReturnType<typeof createSellersService>;
