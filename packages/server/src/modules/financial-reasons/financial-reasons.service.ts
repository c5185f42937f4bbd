import type {
  FinancialReason,
  FinancialReasonCreate,
  FinancialReasonListQuery,
  FinancialReasonUpdate,
  PageOf,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { fromFlag, toFlag } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, requireFound } from '../../http/app-error';
import { GLOBAL, type Visible } from '../changes/change-plan';
import * as repo from './financial-reasons.repository';

export function toFinancialReason(row: repo.FinancialReasonRow): FinancialReason {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    requiresNote: fromFlag(row.requiresNote),
    active: fromFlag(row.active),
  };
}

/** Every station sees every reason; its group narrows which ones it may use. */
function visible(reason: FinancialReason): Visible {
  return { data: reason, scopes: [GLOBAL], active: reason.active };
}

export function createFinancialReasonsService(deps: WriteDeps) {
  const load = (db: Executor, id: string) =>
    requireFound(repo.findFinancialReasonById(db, id), 'financial reason', id);

  async function write(
    w: WriteContext,
    before: repo.FinancialReasonRow,
    patch: Partial<repo.FinancialReasonRow>,
    action: string,
  ) {
    await repo.updateFinancialReason(w.tx, before.id, { ...patch, updatedAt: w.at });
    const after = toFinancialReason({ ...before, ...patch });
    const old = toFinancialReason(before);
    w.audit({ action, entity: 'financialReason', entityId: before.id, before: old, after });
    w.recordChange({
      entity: 'financialReason',
      key: before.code,
      before: visible(old),
      after: visible(after),
    });
    return after;
  }

  return {
    list(query: FinancialReasonListQuery): Promise<PageOf<FinancialReason>> {
      return readPage(
        query,
        (page, after) => repo.listFinancialReasons(deps.db, page, after),
        toFinancialReason,
      );
    },

    async get(id: string): Promise<FinancialReason> {
      return toFinancialReason(await load(deps.db, id));
    },

    create(actor: Actor, input: FinancialReasonCreate): Promise<FinancialReason> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findFinancialReasonByCode(w.tx, input.code)) {
          throw conflict(
            `A financial reason with code ${input.code} already exists. Use another code or update that reason.`,
          );
        }
        const row: repo.FinancialReasonRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          kind: input.kind,
          requiresNote: toFlag(input.requiresNote ?? false),
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertFinancialReason(w.tx, row);
        const reason = toFinancialReason(row);
        w.audit({
          action: 'financialReason.create',
          entity: 'financialReason',
          entityId: row.id,
          after: reason,
        });
        w.recordChange({ entity: 'financialReason', key: row.code, before: null, after: visible(reason) });
        return reason;
      });
    },

    update(actor: Actor, id: string, input: FinancialReasonUpdate): Promise<FinancialReason> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const patch: Partial<repo.FinancialReasonRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.requiresNote !== undefined ? { requiresNote: toFlag(input.requiresNote) } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'financialReason.update');
      });
    },

    /** Idempotent: deactivating an inactive reason answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<FinancialReason> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toFinancialReason,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'financialReason.deactivate'),
      });
    },
  };
}

export type FinancialReasonsService = ReturnType<typeof createFinancialReasonsService>;
