import type {
  MovementNote,
  MovementType,
  PageOf,
  StationMovementDetail,
  StationMovementItem,
  StationMovementQuery,
} from '@storelink/contracts';
import { addDays, parseDateTime, wallClockAsUtcMs, zonedWallClockToEpochMs } from '@storelink/domain';
import { decodeCursor, encodeCursor } from '../../db/paging';
import { withoutNulls } from '../../db/rows';
import type { Db, Row } from '../../db/schema';
import { invalid, notFound } from '../../http/app-error';
import { businessDateOf } from './ingest.projection';
import * as repo from './station-movements.repository';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A query bound as a normalised instant: a date is the start of that day in the store's
 * timezone (for `to`, the start of the next day: the whole day is included); an ISO timestamp
 * is itself.
 */
function boundary(value: string, timezone: string, path: string, end: boolean): string {
  if (DATE_ONLY.test(value)) {
    const day = end ? addDays(value, 1) : addDays(value, 0);
    if (day !== null) {
      const fields = parseDateTime(`${day}T00:00`);
      if (fields) return new Date(zonedWallClockToEpochMs(wallClockAsUtcMs(fields), timezone)).toISOString();
    }
  } else if (parseDateTime(value)?.offsetMinutes != null) {
    return new Date(Date.parse(value)).toISOString();
  }
  throw invalid([
    {
      path,
      message: 'must be a date (YYYY-MM-DD, in the store timezone) or an ISO 8601 timestamp with an offset',
    },
  ]);
}

function parseKey(cursor: string): [string, number, number] {
  const key = JSON.parse(cursor) as unknown;
  if (
    Array.isArray(key) &&
    typeof key[0] === 'string' &&
    Number.isInteger(key[1]) &&
    Number.isInteger(key[2])
  )
    return key as [string, number, number];
  throw invalid([
    { path: 'cursor', message: 'is not a cursor this server gave out; start from the first page' },
  ]);
}

function parseNotes(text: string | null): MovementNote[] | null {
  return text === null ? null : (JSON.parse(text) as MovementNote[]);
}

export function toStationMovementItem(
  row: Awaited<ReturnType<typeof repo.listStationMovements>>[number],
): StationMovementItem {
  return withoutNulls({
    id: row.id,
    seq: Number(row.seq),
    incarnation: row.incarnation,
    type: row.type as MovementType,
    status: row.status,
    occurredAt: row.occurredAt,
    receivedAt: row.receivedAt,
    saleId: row.type === 'sale.completed' || row.type === 'sale.cancelled' ? row.saleId : null,
    totalCents: row.totalCents === null ? null : Number(row.totalCents),
    errorCode: row.status === 'quarantined' ? row.errorCode : null,
    cancelled: row.cancelled === 1 ? (true as const) : null,
    notes: parseNotes(row.notes),
  });
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/**
 * The station query (SPEC §5, §12.3): a station's movements with their integration status, and
 * one movement whole with what it was booked into.
 */
export function createStationMovementsService(deps: { db: Db; now: () => Date }) {
  async function projectionOf(row: Row<'movements'>): Promise<Record<string, unknown> | null> {
    if (row.status !== 'accepted') return null;
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    switch (row.type as MovementType) {
      case 'sale.completed':
      case 'sale.cancelled': {
        const found = await repo.readSaleProjection(deps.db, String(payload.saleId));
        if (!found) return null;
        return {
          sale: withoutNulls(found.sale),
          items: found.items.map((i) => ({ ...i, promotionCodes: JSON.parse(i.promotionCodes) as string[] })),
          payments: found.payments.map((p) =>
            withoutNulls({ ...p, installments: parseJson(p.installments) }),
          ),
        };
      }
      case 'exchange.completed':
      case 'exchange.cancelled': {
        const found = await repo.readExchangeProjection(deps.db, String(payload.exchangeId));
        if (!found) return null;
        return {
          exchange: withoutNulls(found.exchange),
          items: found.items,
          voucher: found.voucher === null ? null : withoutNulls(found.voucher),
        };
      }
      case 'cash_session.opened':
      case 'cash_session.closed': {
        const session = await repo.readCashSession(deps.db, String(payload.sessionId));
        if (!session) return null;
        return {
          cashSession: withoutNulls({
            ...session,
            declared: parseJson(session.declared),
            summary: parseJson(session.summary),
          }),
        };
      }
      case 'cash_session.movement': {
        const movement = await repo.readCashMovement(deps.db, row.id);
        return movement ? { cashMovement: withoutNulls(movement) } : null;
      }
      case 'audit.event':
        return null;
    }
  }

  return {
    async list(stationId: string, query: StationMovementQuery): Promise<PageOf<StationMovementItem>> {
      const station = await repo.findStationStore(deps.db, stationId);
      if (!station) throw notFound('station', stationId);
      const limit = query.limit ?? 100;
      let { from, to } = query;
      if (from === undefined && to === undefined) {
        from = to = businessDateOf(deps.now().toISOString(), station.timezone);
      }
      const cursor = decodeCursor(query.cursor);
      const rows = await repo.listStationMovements(deps.db, {
        stationId,
        from: from === undefined ? undefined : boundary(from, station.timezone, 'from', false),
        to: to === undefined ? undefined : boundary(to, station.timezone, 'to', true),
        type: query.type,
        status: query.status,
        after: cursor === undefined ? undefined : parseKey(cursor),
        limit,
      });
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(toStationMovementItem),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor(JSON.stringify([last.occurredAt, last.incarnation, Number(last.seq)]))
            : null,
      };
    },

    async get(stationId: string, movementId: string): Promise<StationMovementDetail> {
      const row = await repo.findStationMovement(deps.db, stationId, movementId);
      if (!row) throw notFound('movement', `${movementId} of station ${stationId}`);
      const projection = await projectionOf(row);
      const detail = withoutNulls({
        id: row.id,
        stationId: row.stationId,
        stationCode: row.stationCode,
        storeCode: row.storeCode,
        incarnation: row.incarnation,
        seq: Number(row.seq),
        type: row.type as MovementType,
        status: row.status,
        occurredAt: row.occurredAt,
        receivedAt: row.receivedAt,
        operatorCode: row.operatorCode,
        schemaVersion: row.schemaVersion,
        payload: JSON.parse(row.payload) as unknown,
        payloadHash: row.payloadHash,
        errorCode: row.errorCode,
        errorDetail: row.errorDetail,
        waitingFor: row.waitingFor,
        cancelled: row.cancelled === 1 ? (true as const) : null,
        notes: parseNotes(row.notes),
        erpCursor: row.erpCursor === null ? null : String(row.erpCursor),
        integrationErrorId: (await repo.findErrorIdOfMovement(deps.db, row.id)) ?? null,
      });
      return { ...detail, projection };
    },
  };
}

export type StationMovementsService = ReturnType<typeof createStationMovementsService>;
