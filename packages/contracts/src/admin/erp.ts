import { Type, type Static } from 'typebox';
import { Code, IsoDateTime, Strict } from '../common';
import { MovementEnvelope } from '../sync/movements';

const ErpCursor = Type.String({ pattern: '^[0-9]{1,18}$' });

/** `GET /api/v1/erp/movements?after=&limit=`: without `after` the feed starts from the beginning. */
export const ErpFeedQuery = Strict({
  after: Type.Optional(ErpCursor),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
export type ErpFeedQuery = Static<typeof ErpFeedQuery>;

/**
 * One accepted movement, as booked: a movement reprocessed after an edit carries the edited
 * payload and its hash.
 */
export const ErpFeedItem = Type.Object({
  cursor: ErpCursor,
  stationCode: Code,
  receivedAt: IsoDateTime,
  movement: MovementEnvelope,
});
export type ErpFeedItem = Static<typeof ErpFeedItem>;

/**
 * Accepted movements in server commit order (SPEC §4.4, §12.3). The cursor is commit-safe: a
 * movement committed later never gets a lower cursor, so reading on from `cursor` never skips one.
 * Cursors may have gaps. `cursor` is the last item's, or `after` when the page is empty.
 */
export const ErpFeedPage = Type.Object({
  items: Type.Array(ErpFeedItem),
  cursor: ErpCursor,
  hasMore: Type.Boolean(),
});
export type ErpFeedPage = Static<typeof ErpFeedPage>;
