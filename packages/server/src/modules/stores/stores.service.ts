import type { ListQuery, PageOf, Store, StoreCreate, StoreUpdate } from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { fromFlag, toFlag, withoutNulls } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, invalid, requireFound } from '../../http/app-error';
import type { Visible } from '../changes/change-plan';
import * as repo from './stores.repository';

export const DEFAULT_TIMEZONE = 'America/Sao_Paulo';

export function toStore(row: repo.StoreRow): Store {
  return withoutNulls({
    id: row.id,
    code: row.code,
    name: row.name,
    taxId: row.taxId,
    timezone: row.timezone,
    active: fromFlag(row.active),
  });
}

/** A store is visible to the stations of that store only. */
function visible(store: Store): Visible {
  return { data: store, scopes: [{ kind: 'store', key: store.code }], active: store.active };
}

function checkTimezone(timezone: string | undefined): void {
  if (timezone === undefined) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw invalid([
      { path: 'timezone', message: `${timezone} is not an IANA timezone such as America/Sao_Paulo` },
    ]);
  }
}

export function createStoresService(deps: WriteDeps) {
  const load = (db: Executor, id: string) => requireFound(repo.findStoreById(db, id), 'store', id);

  async function write(
    w: WriteContext,
    before: repo.StoreRow,
    patch: Partial<repo.StoreRow>,
    action: string,
  ) {
    if (
      patch.active === 0 &&
      before.active === 1 &&
      (await repo.countActiveGroupsOfStore(w.tx, before.code)) > 0
    ) {
      throw conflict(`Store ${before.code} still has active station groups. Deactivate or move them first.`);
    }
    await repo.updateStore(w.tx, before.id, { ...patch, updatedAt: w.at });
    const after = toStore({ ...before, ...patch });
    const old = toStore(before);
    w.audit({ action, entity: 'store', entityId: before.id, before: old, after });
    w.recordChange({ entity: 'store', key: before.code, before: visible(old), after: visible(after) });
    return after;
  }

  return {
    list(query: ListQuery): Promise<PageOf<Store>> {
      return readPage(query, (page, after) => repo.listStores(deps.db, page, after), toStore);
    },

    async get(id: string): Promise<Store> {
      return toStore(await load(deps.db, id));
    },

    create(actor: Actor, input: StoreCreate): Promise<Store> {
      checkTimezone(input.timezone);
      return runWrite(deps, actor, async (w) => {
        if (await repo.findStoreByCode(w.tx, input.code)) {
          throw conflict(
            `A store with code ${input.code} already exists. Use another code or update that store.`,
          );
        }
        const row: repo.StoreRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          taxId: input.taxId ?? null,
          timezone: input.timezone ?? DEFAULT_TIMEZONE,
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertStore(w.tx, row);
        const store = toStore(row);
        w.audit({ action: 'store.create', entity: 'store', entityId: row.id, after: store });
        w.recordChange({ entity: 'store', key: row.code, before: null, after: visible(store) });
        return store;
      });
    },

    update(actor: Actor, id: string, input: StoreUpdate): Promise<Store> {
      checkTimezone(input.timezone);
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const patch: Partial<repo.StoreRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.taxId !== undefined ? { taxId: input.taxId } : {}),
          ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'store.update');
      });
    },

    /** Idempotent: deactivating an inactive store answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<Store> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toStore,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'store.deactivate'),
      });
    },
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
