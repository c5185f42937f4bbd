import { GENESIS_HASH, verifyChain, type ChainLink, type StationAuditContent } from '@storelink/domain';
import type { AuditEntry, AuditQuery, AuditVerifyResult, PageOf } from '@storelink/contracts';
import type { Db, Row } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../db/paging';
import { withoutNulls } from '../../db/rows';
import { invalid } from '../../http/app-error';
import { auditContent } from './audit.repository';

const VERIFY_PAGE = 1000;

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function toAuditEntry(row: Row<'auditLog'>): AuditEntry {
  return withoutNulls({
    id: row.id,
    chain: row.chain,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    stationId: row.stationId,
    before: parse(row.before),
    after: parse(row.after),
    details: parse(row.details),
    prevHash: row.prevHash,
    hash: row.hash,
  });
}

function toLink(row: Row<'auditLog'>): ChainLink<unknown> {
  return {
    seq: Number(row.seq),
    prevHash: row.prevHash,
    hash: row.hash,
    content: auditContent({
      ...row,
      seq: Number(row.seq),
      before: parse(row.before),
      after: parse(row.after),
      details: parse(row.details),
    }),
  };
}

/** `station:<code>:<incarnation>` → its station code and incarnation; null for other chains. */
export function parseStationChain(chain: string): { stationCode: string; incarnation: number } | null {
  const match = /^station:([^:]+):(\d+)$/.exec(chain);
  return match ? { stationCode: match[1] as string, incarnation: Number(match[2]) } : null;
}

/**
 * A station event's link: the content the station hashed (`stationAuditHash`), rebuilt from the
 * row. `verifyChain` hashes it with `chainHash`, which is what `stationAuditHash` does.
 */
function toStationLink(
  row: Row<'auditLog'>,
  station: { stationCode: string; incarnation: number },
): ChainLink<unknown> {
  const content: StationAuditContent = {
    stationCode: station.stationCode,
    incarnation: station.incarnation,
    occurredAt: row.at,
    operatorCode: row.actor,
    action: row.action,
    details: parse(row.details),
  };
  return {
    seq: Number(row.seq),
    prevHash: row.prevHash,
    hash: row.hash,
    content: { ...content, details: content.details ?? null },
  };
}

/** `from`/`to` accept a date (whole day, UTC) or an ISO timestamp. */
function boundary(value: string | undefined, path: string, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(day.getTime()))
      return end ? new Date(day.getTime() + 86_400_000).toISOString() : day.toISOString();
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw invalid([{ path, message: 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp' }]);
  }
  return instant.toISOString();
}

export function createAuditService(deps: { db: Db }) {
  return {
    /** Newest first. The cursor is the `(at, id)` of the last entry of the page. */
    async list(query: AuditQuery): Promise<PageOf<AuditEntry>> {
      const limit = query.limit ?? 100;
      const from = boundary(query.from, 'from', false);
      const to = boundary(query.to, 'to', true);
      const after = decodeCursor(query.cursor);
      let q = deps.db
        .selectFrom('auditLog')
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (from) q = q.where('at', '>=', from);
      if (to) q = q.where('at', '<', to);
      if (query.actor) q = q.where('actor', '=', query.actor);
      if (query.action) q = q.where('action', '=', query.action);
      if (query.stationId) q = q.where('stationId', '=', query.stationId);
      if (after) {
        const [at, id] = JSON.parse(after) as [string, string];
        q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
      }
      const rows = await q.execute();
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(toAuditEntry),
        nextCursor: rows.length > limit && last ? encodeCursor(JSON.stringify([last.at, last.id])) : null,
      };
    },

    /**
     * Re-computes every chain from its first entry: the `admin` chain with the server's formula
     * (`auditContent`), each `station:*` chain with the station's (`stationAuditHash`), page by page, and compares its end with the
     * chain's head, so an edit, an insertion or a deletion anywhere (even of the last entry) is found.
     */
    async verify(): Promise<AuditVerifyResult> {
      const heads = await deps.db.selectFrom('auditHeads').selectAll().orderBy('chain').execute();
      let checked = 0;
      for (const head of heads) {
        const station = parseStationChain(head.chain);
        const link = station ? (row: Row<'auditLog'>) => toStationLink(row, station) : toLink;
        let prev = GENESIS_HASH;
        let nextSeq = 1;
        for (;;) {
          const rows = await deps.db
            .selectFrom('auditLog')
            .selectAll()
            .where('chain', '=', head.chain)
            .where('seq', '>=', nextSeq)
            .orderBy('seq')
            .limit(VERIFY_PAGE)
            .execute();
          const result = verifyChain(rows.map(link), prev, nextSeq);
          checked += result.checked;
          if (!result.ok) {
            const broken = rows.find((r) => Number(r.seq) >= result.brokenSeq) ?? rows[0];
            return {
              ok: false,
              checked,
              brokenAt: {
                chain: head.chain,
                seq: result.brokenSeq,
                id: broken?.id ?? '',
                reason: result.reason,
              },
            };
          }
          prev = result.lastHash;
          nextSeq += result.checked;
          if (rows.length < VERIFY_PAGE) break;
        }
        if (nextSeq - 1 !== Number(head.seq) || prev !== head.hash) {
          return {
            ok: false,
            checked,
            brokenAt: {
              chain: head.chain,
              seq: nextSeq,
              id: '',
              reason: `the chain ends at entry ${nextSeq - 1} but ${Number(head.seq)} were written: entries were deleted`,
            },
          };
        }
      }
      return { ok: true, checked };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
