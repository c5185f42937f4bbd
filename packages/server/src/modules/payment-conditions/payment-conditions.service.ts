import type {
  ListQuery,
  PageOf,
  PaymentCondition,
  PaymentConditionCreate,
  PaymentConditionUpdate,
} from '@storelink/contracts';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { checkReferences } from '../../db/references';
import { codesFromText, fromFlag, toFlag, toJsonText } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, invalid, requireFound, type FieldError } from '../../http/app-error';
import { GLOBAL, type Visible } from '../changes/change-plan';
import * as repo from './payment-conditions.repository';

/** Defaults of unset fields (docs/decisions/0014): monthly installments, no surcharge, no minimum. */
export const PAYMENT_CONDITION_DEFAULTS = {
  firstDueDays: 30,
  intervalDays: 30,
  surchargeBp: 0,
  minInstallmentCents: 0,
} as const;

export function toPaymentCondition(row: repo.PaymentConditionRow): PaymentCondition {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    paymentTypeCodes: codesFromText(row.paymentTypeCodes),
    installments: row.installments,
    firstDueDays: row.firstDueDays,
    intervalDays: row.intervalDays,
    surchargeBp: row.surchargeBp,
    minInstallmentCents: row.minInstallmentCents,
    active: fromFlag(row.active),
  };
}

/** Every station sees every payment condition; its group's payment types decide which apply. */
function visible(condition: PaymentCondition): Visible {
  return { data: condition, scopes: [GLOBAL], active: condition.active };
}

/**
 * The condition's payment types must exist, and with more than one installment each must allow
 * installments. All failures come back at once, each on its `paymentTypeCodes[i]`.
 */
async function checkPaymentTypes(
  w: WriteContext,
  codes: readonly string[],
  installments: number,
): Promise<void> {
  await checkReferences(w.tx, [
    { table: 'paymentTypes', noun: 'payment type', path: 'paymentTypeCodes', codes },
  ]);
  if (installments <= 1) return;
  const allows = await repo.readAllowsInstallments(w.tx, codes);
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    if (allows.get(code) === false) {
      errors.push({
        path: `paymentTypeCodes[${i}]`,
        message:
          `payment type ${code} does not allow installments, so it cannot be used with ${installments} installments; ` +
          'allow installments on that type, remove it from the list, or use 1 installment',
      });
    }
  });
  if (errors.length > 0) throw invalid(errors);
}

export function createPaymentConditionsService(deps: WriteDeps) {
  const load = (db: Executor, id: string) =>
    requireFound(repo.findPaymentConditionById(db, id), 'payment condition', id);

  async function write(
    w: WriteContext,
    before: repo.PaymentConditionRow,
    patch: Partial<repo.PaymentConditionRow>,
    action: string,
  ) {
    await repo.updatePaymentCondition(w.tx, before.id, { ...patch, updatedAt: w.at });
    const after = toPaymentCondition({ ...before, ...patch });
    const old = toPaymentCondition(before);
    w.audit({ action, entity: 'paymentCondition', entityId: before.id, before: old, after });
    w.recordChange({
      entity: 'paymentCondition',
      key: before.code,
      before: visible(old),
      after: visible(after),
    });
    return after;
  }

  return {
    list(query: ListQuery): Promise<PageOf<PaymentCondition>> {
      return readPage(
        query,
        (page, after) => repo.listPaymentConditions(deps.db, page, after),
        toPaymentCondition,
      );
    },

    async get(id: string): Promise<PaymentCondition> {
      return toPaymentCondition(await load(deps.db, id));
    },

    create(actor: Actor, input: PaymentConditionCreate): Promise<PaymentCondition> {
      return runWrite(deps, actor, async (w) => {
        if (await repo.findPaymentConditionByCode(w.tx, input.code)) {
          throw conflict(
            `A payment condition with code ${input.code} already exists. Use another code or update that condition.`,
          );
        }
        await checkPaymentTypes(w, input.paymentTypeCodes, input.installments);
        const d = PAYMENT_CONDITION_DEFAULTS;
        const row: repo.PaymentConditionRow = {
          id: newId(),
          code: input.code,
          name: input.name,
          paymentTypeCodes: toJsonText(input.paymentTypeCodes),
          installments: input.installments,
          firstDueDays: input.firstDueDays ?? d.firstDueDays,
          intervalDays: input.intervalDays ?? d.intervalDays,
          surchargeBp: input.surchargeBp ?? d.surchargeBp,
          minInstallmentCents: input.minInstallmentCents ?? d.minInstallmentCents,
          active: toFlag(input.active ?? true),
          createdAt: w.at,
          updatedAt: w.at,
        };
        await repo.insertPaymentCondition(w.tx, row);
        const condition = toPaymentCondition(row);
        w.audit({
          action: 'paymentCondition.create',
          entity: 'paymentCondition',
          entityId: row.id,
          after: condition,
        });
        w.recordChange({
          entity: 'paymentCondition',
          key: row.code,
          before: null,
          after: visible(condition),
        });
        return condition;
      });
    },

    update(actor: Actor, id: string, input: PaymentConditionUpdate): Promise<PaymentCondition> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const isReactivated = input.active === true && !fromFlag(before.active);
        // The rule is checked on the record as it would be after the PATCH, whenever the PATCH
        // touches what it depends on or brings the condition back into use.
        if (input.paymentTypeCodes !== undefined || input.installments !== undefined || isReactivated) {
          await checkPaymentTypes(
            w,
            input.paymentTypeCodes ?? codesFromText(before.paymentTypeCodes),
            input.installments ?? before.installments,
          );
        }
        const patch: Partial<repo.PaymentConditionRow> = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.paymentTypeCodes !== undefined
            ? { paymentTypeCodes: toJsonText(input.paymentTypeCodes) }
            : {}),
          ...(input.installments !== undefined ? { installments: input.installments } : {}),
          ...(input.firstDueDays !== undefined ? { firstDueDays: input.firstDueDays } : {}),
          ...(input.intervalDays !== undefined ? { intervalDays: input.intervalDays } : {}),
          ...(input.surchargeBp !== undefined ? { surchargeBp: input.surchargeBp } : {}),
          ...(input.minInstallmentCents !== undefined
            ? { minInstallmentCents: input.minInstallmentCents }
            : {}),
          ...(input.active !== undefined ? { active: toFlag(input.active) } : {}),
        };
        return write(w, before, patch, 'paymentCondition.update');
      });
    },

    /** Idempotent: deactivating an inactive condition answers it unchanged. */
    deactivate(actor: Actor, id: string): Promise<PaymentCondition> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toPaymentCondition,
        deactivate: (w, before) => write(w, before, { active: 0 }, 'paymentCondition.deactivate'),
      });
    },
  };
}

export type PaymentConditionsService = ReturnType<typeof createPaymentConditionsService>;
