import type {
  Operator,
  OperatorCreate,
  OperatorListQuery,
  OperatorUpdate,
  PageOf,
  SyncOperator,
} from '@storelink/contracts';
import { hashPin } from '@storelink/domain';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { checkStoreCodes } from '../../db/references';
import { codesFromText, fromFlag, toFlag, toJsonText } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, requireFound } from '../../http/app-error';
import { storeScopes, type Visible } from '../changes/change-plan';
import * as repo from './operators.repository';

/** The admin view of an operator: the PIN is write-only and its hash never leaves for the API. */
export function toOperator(row: repo.OperatorRow): Operator {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    role: row.role,
    storeCodes: codesFromText(row.storeCodes),
    active: fromFlag(row.active),
  };
}

/** What stations receive: the admin view plus the PIN hash, checked offline with `verifyPin`. */
export function toSyncOperator(row: repo.OperatorRow): SyncOperator {
  return { ...toOperator(row), pinHash: row.pinHash };
}

/** An operator is visible in the stores listed, or everywhere when the list is empty (SPEC §12.1). */
function visible(row: repo.OperatorRow): Visible {
  return {
    data: toSyncOperator(row),
    scopes: storeScopes(codesFromText(row.storeCodes)),
    active: fromFlag(row.active),
  };
}

export function createOperatorsService(deps: WriteDeps) {
  const load = (db: Executor, id: string) => requireFound(repo.findOperatorById(db, id), 'operator', id);

  async function write(
    w: WriteContext,
    before: repo.OperatorRow,
    patch: Partial<repo.OperatorRow>,
    action: string,
  ) {
    await repo.updateOperator(w.tx, before.id, { ...patch, updatedAt: w.at });
    const merged = { ...before, ...patch };
    const after = toOperator(merged);
    w.audit({
      action,
      entity: 'operator',
      entityId: before.id,
      before: toOperator(before),
      after,
      // The audit says that the PIN changed, never what it is or hashes to.
      ...(patch.pinHash !== undefined ? { details: { pinChanged: true } } : {}),
    });
    w.recordChange({ entity: 'operator', key: before.code, before: visible(before), after: visible(merged) });
    return after;
  }

  return {
    list(query: OperatorListQuery): Promise<PageOf<Operator>> {
      return readPage(query, (page, after) => repo.listOperators(deps.db, page, after), toOperator);
    },

    async get(id: string): Promise<Operator> {
      return toOperator(await load(deps.db, id));
    },

    async create(actor: Actor, input: OperatorCreate): Promise<Operator> {
      // scrypt takes a while: hash before the transaction so it holds no locks meanwhile.
      const pinHash = await hashPin(input.pin);
      return runWrite(deps, actor, async (w) => {
        if (await repo.findOperatorByCode(w.tx, input.code)) {
          throw conflict(
            `An operator with code ${input.code} already exists. Use another code or update that operator.`,
          );
        }
        await checkStoreCodes(w.tx, input.storeCodes);
        const row: repo.OperatorRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          role: input.role,
          pinHash,
          storeCodes: toJsonText(input.storeCodes ?? []),
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertOperator(w.tx, row);
        const operator = toOperator(row);
        w.audit({
          action: 'operator.create',
          entity: 'operator',
          entityId: row.id,
          after: operator,
          details: { pinChanged: true },
        });
        w.recordChange({ entity: 'operator', key: row.code, before: null, after: visible(row) });
        return operator;
      });
    },

    async update(actor: Actor, id: string, input: OperatorUpdate): Promise<Operator> {
      const pinHash = input.pin === undefined ? undefined : await hashPin(input.pin);
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        await checkStoreCodes(w.tx, input.storeCodes);
        const patch: Partial<repo.OperatorRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(pinHash !== undefined ? { pinHash } : {}),
          ...(input.storeCodes !== undefined ? { storeCodes: toJsonText(input.storeCodes) } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'operator.update');
      });
    },

    /** Idempotent: deactivating an inactive operator answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<Operator> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toOperator,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'operator.deactivate'),
      });
    },
  };
}

export type OperatorsService = ReturnType<typeof createOperatorsService>;
