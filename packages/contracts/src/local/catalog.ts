import { Type } from 'typebox';
import { syncEntities } from '../sync/entities';
import { Cursor } from '../sync/protocol';

/**
 * `GET /local/v1/catalog`: the station's catalog as a whole, computed from its own tables. The
 * `checksum` is the same `CatalogChecksum` the server puts on a snapshot's end line, so a fresh
 * snapshot of the station's scope at `cursor` must carry the same value.
 */
export const CatalogSummary = Type.Object({
  cursor: Type.Union([Cursor, Type.Null()]),
  checksum: Type.String(),
  counts: Type.Object(Object.fromEntries(syncEntities.map((e) => [e, Type.Integer({ minimum: 0 })]))),
});
export type CatalogSummary = {
  cursor: string | null;
  checksum: string;
  counts: Record<(typeof syncEntities)[number], number>;
};
