import type { ListQuery, PageOf, Promotion, PromotionCreate, PromotionUpdate } from '@storelink/contracts';
import { validatePromotion } from '@storelink/domain';
import { newId } from '../../db/ids';
import { readPage } from '../../db/paging';
import { findReferenceErrors } from '../../db/references';
import { fromFlag, fromJsonText, toFlag, toJsonText, withoutNulls } from '../../db/rows';
import type { Executor } from '../../db/schema';
import { deactivateOnce, runWrite, type Actor, type WriteContext, type WriteDeps } from '../../db/write';
import { conflict, invalid, requireFound, type FieldError } from '../../http/app-error';
import { groupScopes, type Visible } from '../changes/change-plan';
import * as repo from './promotions.repository';

/** The kind's parameters and target, kept together as JSON in the `rule` column. */
interface StoredRule {
  percentBp?: number;
  priceCents?: number;
  buyQuantity?: number;
  payQuantity?: number;
  tiers?: { minQuantity: number; percentBp: number }[];
  target: Promotion['target'];
}

const EMPTY_TARGET: Promotion['target'] = { skuCodes: [], productCodes: [], categories: [] };

export function toPromotion(row: repo.PromotionRow): Promotion {
  const rule = fromJsonText<StoredRule>(row.rule);
  return withoutNulls({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Promotion['kind'],
    percentBp: rule.percentBp ?? null,
    priceCents: rule.priceCents ?? null,
    buyQuantity: rule.buyQuantity ?? null,
    payQuantity: rule.payQuantity ?? null,
    tiers: rule.tiers ?? null,
    target: rule.target,
    groupCodes: fromJsonText<string[]>(row.groupCodes),
    paymentTypeCodes: fromJsonText<string[]>(row.paymentTypeCodes),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    priority: row.priority,
    exclusive: fromFlag(row.exclusive),
    active: fromFlag(row.active),
  });
}

/** Stations of the promotion's groups see it; no groups means every station. */
function visible(promotion: Promotion): Visible {
  return { data: promotion, scopes: groupScopes(promotion.groupCodes), active: promotion.active };
}

/** A promotion as stored, before it has an id: the merge of a create body or a PATCH. */
type Draft = Omit<Promotion, 'id'>;

function toRow(draft: Draft, id: string, createdAt: string, updatedAt: string): repo.PromotionRow {
  const rule: StoredRule = {
    ...(draft.percentBp !== undefined ? { percentBp: draft.percentBp } : {}),
    ...(draft.priceCents !== undefined ? { priceCents: draft.priceCents } : {}),
    ...(draft.buyQuantity !== undefined ? { buyQuantity: draft.buyQuantity } : {}),
    ...(draft.payQuantity !== undefined ? { payQuantity: draft.payQuantity } : {}),
    ...(draft.tiers !== undefined ? { tiers: draft.tiers } : {}),
    target: draft.target,
  };
  return {
    id,
    code: draft.code,
    name: draft.name,
    kind: draft.kind,
    rule: toJsonText(rule),
    groupCodes: toJsonText(draft.groupCodes),
    paymentTypeCodes: toJsonText(draft.paymentTypeCodes),
    startsAt: draft.startsAt ?? null,
    endsAt: draft.endsAt ?? null,
    priority: draft.priority,
    exclusive: toFlag(draft.exclusive),
    active: toFlag(draft.active),
    createdAt,
    updatedAt,
  };
}

/** Applies a PATCH: a field given as `null` is cleared, an absent field is kept. */
function merge(current: Promotion, patch: PromotionUpdate): Draft {
  const { id: _id, ...base } = current;
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Draft;
}

export function createPromotionsService(deps: WriteDeps) {
  /** Parameters must agree with the kind (domain rules), and every code must exist. */
  async function check(w: WriteContext, draft: Draft): Promise<void> {
    const problems: FieldError[] = [
      ...validatePromotion(draft),
      ...(await findReferenceErrors(w.tx, [
        { table: 'stationGroups', noun: 'station group', path: 'groupCodes', codes: draft.groupCodes },
        {
          table: 'paymentTypes',
          noun: 'payment type',
          path: 'paymentTypeCodes',
          codes: draft.paymentTypeCodes,
        },
        { table: 'skus', noun: 'SKU', path: 'target.skuCodes', codes: draft.target.skuCodes },
        { table: 'products', noun: 'product', path: 'target.productCodes', codes: draft.target.productCodes },
      ])),
    ];
    if (problems.length > 0) throw invalid(problems);
  }

  const load = (db: Executor, id: string) => requireFound(repo.findPromotionById(db, id), 'promotion', id);

  async function save(
    w: WriteContext,
    before: repo.PromotionRow,
    draft: Draft,
    action: string,
  ): Promise<Promotion> {
    const row = toRow(draft, before.id, before.createdAt, w.at);
    await repo.updatePromotion(w.tx, before.id, row);
    const old = toPromotion(before);
    const after = toPromotion(row);
    w.audit({ action, entity: 'promotion', entityId: before.id, before: old, after });
    w.recordChange({ entity: 'promotion', key: before.code, before: visible(old), after: visible(after) });
    return after;
  }

  return {
    list(query: ListQuery): Promise<PageOf<Promotion>> {
      return readPage(query, (page, after) => repo.listPromotions(deps.db, page, after), toPromotion);
    },

    async get(id: string): Promise<Promotion> {
      return toPromotion(await load(deps.db, id));
    },

    create(actor: Actor, input: PromotionCreate): Promise<Promotion> {
      return runWrite(deps, actor, async (w) => {
        const draft: Draft = {
          ...input,
          target: input.target ?? EMPTY_TARGET,
          groupCodes: input.groupCodes ?? [],
          paymentTypeCodes: input.paymentTypeCodes ?? [],
          priority: input.priority ?? 0,
          exclusive: input.exclusive ?? false,
          active: input.active ?? true,
        };
        await check(w, draft);
        if (await repo.findPromotionByCode(w.tx, input.code)) {
          throw conflict(
            `A promotion with code ${input.code} already exists. Use another code or edit that promotion.`,
          );
        }
        const row = toRow(draft, newId(), w.at, w.at);
        await repo.insertPromotion(w.tx, row);
        const promotion = toPromotion(row);
        w.audit({ action: 'promotion.create', entity: 'promotion', entityId: row.id, after: promotion });
        w.recordChange({ entity: 'promotion', key: row.code, before: null, after: visible(promotion) });
        return promotion;
      });
    },

    update(actor: Actor, id: string, input: PromotionUpdate): Promise<Promotion> {
      return runWrite(deps, actor, async (w) => {
        const before = await load(w.tx, id);
        const draft = merge(toPromotion(before), input);
        await check(w, draft);
        return save(w, before, draft, 'promotion.update');
      });
    },

    deactivate(actor: Actor, id: string): Promise<Promotion> {
      return deactivateOnce(deps, actor, {
        load: (w) => load(w.tx, id),
        toWire: toPromotion,
        deactivate: (w, before) =>
          save(w, before, { ...merge(toPromotion(before), {}), active: false }, 'promotion.deactivate'),
      });
    },
  };
}

export type PromotionsService = ReturnType<typeof createPromotionsService>;
