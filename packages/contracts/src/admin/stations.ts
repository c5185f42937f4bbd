import { Type, type Static } from 'typebox';
import { Code, Id, IsoDateTime, ListQuery, Name, Strict, StrictPartial } from '../common';

export const Station = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  groupCode: Code,
  active: Type.Boolean(),
  hostname: Type.Optional(Type.String()),
  appVersion: Type.Optional(Type.String()),
  /** Bumped each time the station pairs; movements are numbered per incarnation. */
  incarnation: Type.Integer({ minimum: 0 }),
  pairedAt: Type.Optional(IsoDateTime),
  lastSeenAt: Type.Optional(IsoDateTime),
});
export type Station = Static<typeof Station>;

/** Create and `pairing-code` answer the station plus a fresh single-use code, flat (§12.2). */
export const StationWithPairingCode = Type.Object({
  ...Station.properties,
  pairingCode: Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{8}$' }),
  pairingCodeExpiresAt: IsoDateTime,
});
export type StationWithPairingCode = Static<typeof StationWithPairingCode>;

/** What a station's body sets, as on create. */
const stationFields = {
  name: Name,
  groupCode: Code,
  active: Type.Optional(Type.Boolean()),
};

export const StationCreate = Strict({ code: Code, ...stationFields });
export type StationCreate = Static<typeof StationCreate>;

/** Changing `groupCode` moves the station: it gets a `resync` command and re-snapshots. */
export const StationUpdate = StrictPartial(stationFields);
export type StationUpdate = Static<typeof StationUpdate>;

/** `GET /stations`: the common list query, plus the stations of one group. */
export const StationListQuery = Strict({
  ...ListQuery.properties,
  groupCode: Type.Optional(Code),
});
export type StationListQuery = Static<typeof StationListQuery>;

export const StationCommandType = Type.Union([Type.Literal('send-now'), Type.Literal('resync')]);
export type StationCommandType = Static<typeof StationCommandType>;

export const StationCommandRequest = Strict({ type: StationCommandType });
export type StationCommandRequest = Static<typeof StationCommandRequest>;

export const StationCommand = Type.Object({
  id: Id,
  stationId: Id,
  type: StationCommandType,
  issuedAt: IsoDateTime,
  /** Whether the command reached a live event stream at once; otherwise it waits for `hello`. */
  delivered: Type.Boolean(),
});
export type StationCommand = Static<typeof StationCommand>;
