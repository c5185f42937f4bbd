import { sql } from 'kysely';
import type { Promotion } from '@storelink/contracts';
import type { Executor } from '../../db/schema';
import { listActivePromotions } from '../promotions/promotions.repository';
import { toPromotion } from '../promotions/promotions.service';

/**
 * The promotions a station of `groupCode` held at change cursor `cursor`: for each promotion, the
 * newest change at or below the cursor in the scopes that station reads (global and its group),
 * kept when it is an upsert. This replays exactly what the station applied, including promotions
 * that left its group. The change log keeps every promotion change for this (retention spares
 * them: docs/decisions/0072).
 */
export async function readPromotionsAtCursor(
  db: Executor,
  groupCode: string,
  cursor: number,
): Promise<Promotion[]> {
  const rows = await sql<{ op: string; data: string | null }>`
    select c.op, c.data from change_log c
    join (
      select entity_key, max(cursor) as last from change_log
      where entity = 'promotion' and cursor <= ${cursor}
        and ((scope_kind = 'global' and scope_key = '') or (scope_kind = 'group' and scope_key = ${groupCode}))
      group by entity_key
    ) newest on c.cursor = newest.last`.execute(db);
  return rows.rows
    .filter((r) => r.op === 'upsert' && r.data !== null)
    .map((r) => JSON.parse(r.data as string) as Promotion);
}

/** A promotion change the station had not applied at its cursor, with when it was written. */
export interface PromotionChange {
  cursor: number;
  createdAt: string;
  code: string;
  /** The promotion after the change; null when it left the group's stations. */
  promotion: Promotion | null;
}

/** Promotion changes after `cursor` in the scopes a station of `groupCode` reads, oldest first. */
export async function readPromotionChangesAfter(
  db: Executor,
  groupCode: string,
  cursor: number,
): Promise<PromotionChange[]> {
  const rows = await db
    .selectFrom('changeLog')
    .select(['cursor', 'createdAt', 'entityKey', 'op', 'data'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scopeKind', '=', 'global'), eb('scopeKey', '=', '')]),
        eb.and([eb('scopeKind', '=', 'group'), eb('scopeKey', '=', groupCode)]),
      ]),
    )
    .where('cursor', '>', cursor)
    .where('entity', '=', 'promotion')
    .orderBy('cursor')
    .execute();
  return rows.map((r) => ({
    cursor: Number(r.cursor),
    createdAt: r.createdAt,
    code: r.entityKey,
    promotion: r.op === 'upsert' && r.data !== null ? (JSON.parse(r.data) as Promotion) : null,
  }));
}

/** The active promotions of a group (its own and the chain-wide ones) as they stand now. */
export async function readCurrentPromotions(db: Executor, groupCode: string): Promise<Promotion[]> {
  const out: Promotion[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await listActivePromotions(db, after, 1000);
    for (const row of rows) {
      const promotion = toPromotion(row);
      if (promotion.groupCodes.length === 0 || promotion.groupCodes.includes(groupCode)) out.push(promotion);
    }
    const last = rows[rows.length - 1];
    if (rows.length < 1000 || last === undefined) return out;
    after = last.code;
  }
}
