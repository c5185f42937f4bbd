import type { ErpFeedPage, ErpFeedQuery, MovementType } from '@storelink/contracts';
import type { Db } from '../../db/schema';
import { readErpPage } from './erp-feed.repository';

/**
 * The ERP feed (SPEC §4.4, §12.3): accepted movements in server commit order, each with the
 * movement as booked. An ERP books them and keeps the last `cursor`; reading on from it never
 * skips or repeats one (erp-feed.repository.ts).
 */
export function createErpFeedService(deps: { db: Db }) {
  return {
    async read(query: ErpFeedQuery): Promise<ErpFeedPage> {
      const after = Number(query.after ?? 0);
      const limit = query.limit ?? 100;
      const rows = await readErpPage(deps.db, after, limit + 1);
      const items = rows.slice(0, limit).map((r) => ({
        cursor: String(r.erpCursor),
        stationCode: r.stationCode,
        receivedAt: r.receivedAt,
        movement: {
          id: r.id,
          seq: Number(r.seq),
          type: r.type as MovementType,
          occurredAt: r.occurredAtSent ?? r.occurredAt,
          operatorCode: r.operatorCode,
          schemaVersion: 1 as const,
          payload: JSON.parse(r.payload) as unknown,
          payloadHash: r.payloadHash,
        },
      }));
      const last = items[items.length - 1];
      return { items, cursor: last ? last.cursor : String(after), hasMore: rows.length > limit };
    },
  };
}

export type ErpFeedService = ReturnType<typeof createErpFeedService>;
