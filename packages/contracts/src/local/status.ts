import { Type, type Static } from 'typebox';
import { IsoDateTime } from '../common';
import { Cursor, OutboxState } from '../sync/protocol';

export const SnapshotState = Type.Union([
  Type.Literal('none'),
  Type.Literal('loading'),
  Type.Literal('ready'),
]);
export type SnapshotState = Static<typeof SnapshotState>;

/**
 * `GET /local/v1/status` (SPEC §6): what the checkout's status bar and `storelink station status`
 * show. Always answers, online or not: it reads only the station's own database and memory.
 */
export const StationStatus = Type.Object({
  stationCode: Type.String(),
  /** Whether the last exchange with the server succeeded (hello, pull or live stream). */
  online: Type.Boolean(),
  lastContactAt: Type.Union([IsoDateTime, Type.Null()]),
  /** The change cursor the catalog is at; null before the first snapshot. */
  cursor: Type.Union([Cursor, Type.Null()]),
  /**
   * The server time at which the catalog was last confirmed current (a pull that reached the
   * server's head, or a snapshot): "preços de 10:42". Null before the first snapshot.
   */
  dataAsOf: Type.Union([IsoDateTime, Type.Null()]),
  snapshot: Type.Object({
    /** `loading` while a snapshot streams in; the previous catalog keeps serving meanwhile. */
    state: SnapshotState,
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  outbox: OutboxState,
  version: Type.Object({
    app: Type.String(),
    /** `minStationVersion` as last heard from the server; null until the first hello. */
    minRequired: Type.Union([Type.String(), Type.Null()]),
    compatible: Type.Boolean(),
  }),
  /** The last sync error in words, or null once the station syncs again. */
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type StationStatus = Static<typeof StationStatus>;
