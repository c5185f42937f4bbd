import type { Promotion } from '@storelink/contracts';
import type { PaymentConditionRule, PaymentKindName, PaymentTypeRule } from '@storelink/domain';
import { codesFromText, fromFlag } from '../../db/rows';
import type { Executor } from '../../db/schema';
import * as repo from './ingest.repository';
import {
  readCurrentPromotions,
  readPromotionChangesAfter,
  readPromotionsAtCursor,
  type PromotionChange,
} from './repricing.repository';

export interface SkuInfo {
  productCode: string;
  category: string | undefined;
}

export interface GroupInfo {
  storeCode: string;
  /** Empty = every payment type. */
  paymentTypeCodes: string[];
}

export interface PaymentTypeInfo extends PaymentTypeRule {
  code: string;
}

/** What a batch needs from the back office's data, collected before judging it. */
export interface CatalogNeeds {
  skus: Set<string>;
  sellers: Set<string>;
  operators: Set<string>;
  groups: Set<string>;
  stores: Set<string>;
  /** `[groupCode, catalogCursor | null]` pairs to re-price with. */
  promotions: Map<string, [string, number | null]>;
}

export function emptyNeeds(): CatalogNeeds {
  return {
    skus: new Set(),
    sellers: new Set(),
    operators: new Set(),
    groups: new Set(),
    stores: new Set(),
    promotions: new Map(),
  };
}

export function promotionKey(groupCode: string, cursor: number | null): string {
  return `${groupCode}\u0000${cursor ?? ''}`;
}

/**
 * The back office's reference data as one ingest transaction sees it (SPEC §12.2 "Ingest
 * validation": codes are checked against the data at ingest time, inactive records included).
 * Loaded in bulk per batch and cached for the transaction; small tables (payment types,
 * conditions, reasons) are read whole.
 */
export class IngestCatalog {
  readonly paymentTypes = new Map<string, PaymentTypeInfo>();
  readonly conditions = new Map<string, PaymentConditionRule>();
  readonly reasons = new Map<string, { kind: string }>();
  private readonly skus = new Map<string, SkuInfo | null>();
  private readonly sellers = new Map<string, boolean>();
  private readonly operators = new Map<string, boolean>();
  private readonly groups = new Map<string, GroupInfo | null>();
  private readonly stores = new Map<string, { timezone: string } | null>();
  private readonly promotions = new Map<string, Promotion[]>();
  private readonly laterChanges = new Map<string, PromotionChange[]>();
  private smallTablesLoaded = false;

  constructor(private readonly db: Executor) {}

  /** Loads whatever of `needs` is not cached yet. */
  async load(needs: CatalogNeeds): Promise<void> {
    if (!this.smallTablesLoaded) await this.loadSmallTables();
    const missing = <T>(cache: Map<string, T>, codes: Set<string>) => [...codes].filter((c) => !cache.has(c));

    const skuCodes = missing(this.skus, needs.skus);
    for (const code of skuCodes) this.skus.set(code, null);
    for (const row of await repo.readSkus(this.db, skuCodes))
      this.skus.set(row.code, { productCode: row.productCode, category: row.category ?? undefined });

    for (const [table, cache, codes] of [
      ['sellers', this.sellers, needs.sellers],
      ['operators', this.operators, needs.operators],
    ] as const) {
      const todo = missing(cache, codes);
      const found = await repo.readExistingCodes(this.db, table, todo);
      for (const code of todo) cache.set(code, found.has(code));
    }

    const groupCodes = missing(this.groups, needs.groups);
    for (const code of groupCodes) this.groups.set(code, null);
    for (const row of await repo.readGroups(this.db, groupCodes)) {
      this.groups.set(row.code, {
        storeCode: row.storeCode,
        paymentTypeCodes: codesFromText(row.paymentTypeCodes),
      });
    }

    const storeCodes = missing(this.stores, needs.stores);
    for (const code of storeCodes) this.stores.set(code, null);
    for (const row of await repo.readStores(this.db, storeCodes))
      this.stores.set(row.code, { timezone: row.timezone });

    for (const [key, [groupCode, cursor]] of needs.promotions) {
      if (this.promotions.has(key)) continue;
      if (cursor === null) {
        this.promotions.set(key, await readCurrentPromotions(this.db, groupCode));
      } else {
        this.promotions.set(key, await readPromotionsAtCursor(this.db, groupCode, cursor));
        this.laterChanges.set(key, await readPromotionChangesAfter(this.db, groupCode, cursor));
      }
    }
  }

  sku(code: string): SkuInfo | undefined {
    return this.skus.get(code) ?? undefined;
  }

  hasSeller(code: string): boolean {
    return this.sellers.get(code) === true;
  }

  hasOperator(code: string): boolean {
    return this.operators.get(code) === true;
  }

  group(code: string): GroupInfo | undefined {
    return this.groups.get(code) ?? undefined;
  }

  /** The store's IANA timezone; stores always have one, the default guards a deleted row. */
  timezone(storeCode: string): string {
    return this.stores.get(storeCode)?.timezone ?? 'America/Sao_Paulo';
  }

  /** The promotions a station of the group held at `cursor` (null: the ones in force now). */
  promotionsAt(groupCode: string, cursor: number | null): Promotion[] {
    return this.promotions.get(promotionKey(groupCode, cursor)) ?? [];
  }

  /** Promotion changes the back office wrote after `cursor`, which that station had not applied. */
  promotionChangesAfter(groupCode: string, cursor: number): PromotionChange[] {
    return this.laterChanges.get(promotionKey(groupCode, cursor)) ?? [];
  }

  private async loadSmallTables(): Promise<void> {
    for (const row of await repo.readPaymentTypes(this.db)) {
      this.paymentTypes.set(row.code, {
        code: row.code,
        kind: row.kind as PaymentKindName,
        givesChange: fromFlag(row.givesChange),
        allowsInstallments: fromFlag(row.allowsInstallments),
      });
    }
    for (const row of await repo.readPaymentConditions(this.db)) {
      this.conditions.set(row.code, {
        code: row.code,
        paymentTypeCodes: codesFromText(row.paymentTypeCodes),
        installments: row.installments,
        firstDueDays: row.firstDueDays,
        intervalDays: row.intervalDays,
        surchargeBp: row.surchargeBp,
        minInstallmentCents: Number(row.minInstallmentCents),
      });
    }
    for (const row of await repo.readFinancialReasons(this.db))
      this.reasons.set(row.code, { kind: row.kind });
    this.smallTablesLoaded = true;
  }
}
