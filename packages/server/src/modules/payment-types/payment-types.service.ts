import type {
  PageOf,
  PaymentType,
  PaymentTypeCreate,
  PaymentTypeListQuery,
  PaymentTypeUpdate,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { fromFlag, toFlag } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, requireFound } from '../../http/app-error';
import { GLOBAL, type Visible } from '../changes/change-plan';
import * as repo from './payment-types.repository';

export function toPaymentType(row: repo.PaymentTypeRow): PaymentType {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as PaymentType['kind'],
    givesChange: fromFlag(row.givesChange),
    allowsInstallments: fromFlag(row.allowsInstallments),
    requiresCustomer: fromFlag(row.requiresCustomer),
    fiscalCode: row.fiscalCode,
    active: fromFlag(row.active),
  };
}

/** Every station sees every payment type; its group narrows which ones it may use. */
function visible(type: PaymentType): Visible {
  return { data: type, scopes: [GLOBAL], active: type.active };
}

/**
 * Defaults of unset flags (docs/decisions/0014): only cash gives change, and nothing allows
 * installments or requires a customer unless the body says so.
 */
export function defaultFlagsOf(kind: PaymentType['kind']) {
  return { givesChange: kind === 'cash', allowsInstallments: false, requiresCustomer: false };
}

export function createPaymentTypesService(deps: WriteDeps) {
  const load = (db: Executor, id: string) =>
    requireFound(repo.findPaymentTypeById(db, id), 'payment type', id);

  async function write(
    w: WriteContext,
    before: repo.PaymentTypeRow,
    patch: Partial<repo.PaymentTypeRow>,
    action: string,
  ) {
    if (patch.allowsInstallments === 0 && before.allowsInstallments === 1) {
      const conditions = await repo.listActiveInstallmentConditionCodesUsing(w.tx, before.code);
      if (conditions.length > 0) {
        throw conflict(
          `Payment type ${before.code} is used by payment condition${conditions.length > 1 ? 's' : ''} ` +
            `${conditions.join(', ')} with more than one installment. ` +
            'Remove the type from those conditions or deactivate them first.',
        );
      }
    }
    await repo.updatePaymentType(w.tx, before.id, { ...patch, updatedAt: w.at });
    const after = toPaymentType({ ...before, ...patch });
    const old = toPaymentType(before);
    w.audit({ action, entity: 'paymentType', entityId: before.id, before: old, after });
    w.recordChange({ entity: 'paymentType', key: before.code, before: visible(old), after: visible(after) });
    return after;
  }

  return {
    list(query: PaymentTypeListQuery): Promise<PageOf<PaymentType>> {
      return readPage(query, (page, after) => repo.listPaymentTypes(deps.db, page, after), toPaymentType);
    },

    async get(id: string): Promise<PaymentType> {
      return toPaymentType(await load(deps.db, id));
    },

    create(actor: Actor, input: PaymentTypeCreate): Promise<PaymentType> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findPaymentTypeByCode(w.tx, input.code)) {
          throw conflict(
            `A payment type with code ${input.code} already exists. Use another code or update that payment type.`,
          );
        }
        const defaults = defaultFlagsOf(input.kind);
        const row: repo.PaymentTypeRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          kind: input.kind,
          givesChange: toFlag(input.givesChange ?? defaults.givesChange),
          allowsInstallments: toFlag(input.allowsInstallments ?? defaults.allowsInstallments),
          requiresCustomer: toFlag(input.requiresCustomer ?? defaults.requiresCustomer),
          fiscalCode: input.fiscalCode,
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertPaymentType(w.tx, row);
        const type = toPaymentType(row);
        w.audit({ action: 'paymentType.create', entity: 'paymentType', entityId: row.id, after: type });
        w.recordChange({ entity: 'paymentType', key: row.code, before: null, after: visible(type) });
        return type;
      });
    },

    update(actor: Actor, id: string, input: PaymentTypeUpdate): Promise<PaymentType> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const patch: Partial<repo.PaymentTypeRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.givesChange !== undefined ? { givesChange: toFlag(input.givesChange) } : {}),
          ...(input.allowsInstallments !== undefined
            ? { allowsInstallments: toFlag(input.allowsInstallments) }
            : {}),
          ...(input.requiresCustomer !== undefined
            ? { requiresCustomer: toFlag(input.requiresCustomer) }
            : {}),
          ...(input.fiscalCode !== undefined ? { fiscalCode: input.fiscalCode } : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'paymentType.update');
      });
    },

    /** Idempotent: deactivating an inactive payment type answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<PaymentType> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toPaymentType,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'paymentType.deactivate'),
      });
    },
  };
}

export type PaymentTypesService = ReturnType<typeof createPaymentTypesService>;
