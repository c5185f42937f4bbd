import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, Semver, Strict } from '../common';
import { Station, StationCommandType } from '../admin/stations';
import { StationGroup } from '../admin/station-groups';
import { syncEntities } from './entities';

/** `POST /api/v1/sync/pair`: exchanges a single-use pairing code for the station's token. */
export const PairRequest = Strict({
  code: Type.String({ minLength: 1, maxLength: 20 }),
  appVersion: Semver,
  hostname: Type.String({ minLength: 1, maxLength: 255 }),
});
export type PairRequest = Static<typeof PairRequest>;

export const PairResponse = Type.Object({
  stationId: Id,
  stationCode: Type.String(),
  /** 32 random bytes; the server keeps only its hash. Store it with mode 0600. */
  token: Type.String(),
  incarnation: Type.Integer({ minimum: 1 }),
  serverTime: IsoDateTime,
});
export type PairResponse = Static<typeof PairResponse>;

/** The change cursor: an opaque string to clients (decimal digits today). */
export const Cursor = Type.String({ pattern: '^[0-9]{1,18}$' });

export const OutboxState = Type.Object({
  depth: Type.Integer({ minimum: 0 }),
  oldestAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type OutboxState = Static<typeof OutboxState>;

/** `POST /api/v1/sync/hello`: sent on start, on reconnect, and as the heartbeat. */
export const HelloRequest = Strict({
  appVersion: Semver,
  protocolVersion: Type.Integer({ minimum: 1 }),
  incarnation: Type.Integer({ minimum: 1 }),
  lastSeq: Type.Integer({ minimum: 0 }),
  cursor: Type.Union([Cursor, Type.Null()]),
  outbox: Strict({ depth: Type.Integer({ minimum: 0 }), oldestAt: Type.Union([IsoDateTime, Type.Null()]) }),
  dbSizeBytes: Type.Integer({ minimum: 0 }),
  clock: IsoDateTime,
});
export type HelloRequest = Static<typeof HelloRequest>;

export const PendingCommand = Type.Object({ type: StationCommandType, issuedAt: IsoDateTime });
export type PendingCommand = Static<typeof PendingCommand>;

export const HelloResponse = Type.Object({
  serverTime: IsoDateTime,
  station: Station,
  group: StationGroup,
  minStationVersion: Semver,
  /** The next movement seq the server expects from this incarnation. */
  expectedSeq: Type.Integer({ minimum: 1 }),
  commands: Type.Array(PendingCommand),
});
export type HelloResponse = Static<typeof HelloResponse>;

export const SnapshotQuery = Strict({});

const Counts = Type.Object(Object.fromEntries(syncEntities.map((e) => [e, Type.Integer({ minimum: 0 })])));

/** NDJSON lines of `GET /api/v1/sync/snapshot`: one header, the rows, one end line. */
export const SnapshotHeader = Type.Object({
  type: Type.Literal('header'),
  cursor: Cursor,
  counts: Counts,
});
export type SnapshotHeader = {
  type: 'header';
  cursor: string;
  counts: Record<(typeof syncEntities)[number], number>;
};

/**
 * One record. `key` is the record's key within its entity (its code; the SKU code for a price;
 * `settings` for the singleton), the same key the change feed uses, so a station never has to
 * derive it from `data`. `data` is always the line's last field.
 */
export const SnapshotRow = Type.Object({
  type: Type.Literal('row'),
  entity: Type.Enum(syncEntities),
  key: Type.String(),
  data: Type.Unknown(),
});
export type SnapshotRow = Static<typeof SnapshotRow>;

/**
 * The last line. `checksum` is the `CatalogChecksum` (domain/catalog-checksum) of every row above:
 * entity, key and the row's `data` JSON text. A stream that ends without this line was cut short.
 */
export const SnapshotEnd = Type.Object({ type: Type.Literal('end'), checksum: Type.String() });
export type SnapshotEnd = Static<typeof SnapshotEnd>;

export const ChangesQuery = Strict({
  after: Cursor,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
});
export type ChangesQuery = Static<typeof ChangesQuery>;

export const Change = Type.Object({
  cursor: Cursor,
  entity: Type.Enum(syncEntities),
  /** The record's key within its entity: its code, or the SKU code for a price. */
  key: Type.String(),
  op: Type.Union([Type.Literal('upsert'), Type.Literal('delete')]),
  data: Type.Union([Type.Unknown(), Type.Null()]),
});
export type Change = Static<typeof Change>;

/** A page ends on a transaction boundary; `cursor` is where the next page starts. */
export const ChangesPage = Type.Object({
  changes: Type.Array(Change),
  cursor: Cursor,
  hasMore: Type.Boolean(),
});
export type ChangesPage = Static<typeof ChangesPage>;

/** `event: command` data on `GET /api/v1/sync/events` (and `hello`'s `commands[]` items). */
export const CommandEvent = PendingCommand;
export type CommandEvent = PendingCommand;

/** Media type of the snapshot stream. */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';
