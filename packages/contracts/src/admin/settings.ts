import { Type, type Static } from 'typebox';
import { Semver, Strict } from '../common';

export const IntegrationLogLevel = Type.Union([Type.Literal('errors'), Type.Literal('all')]);

/** The singleton settings record: `GET /settings` and `PATCH /settings`. */
export const Settings = Type.Object({
  minStationVersion: Semver,
  changeRetentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  integrationLogLevel: IntegrationLogLevel,
});
export type Settings = Static<typeof Settings>;

export const SettingsUpdate = Strict({
  minStationVersion: Type.Optional(Semver),
  changeRetentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  integrationLogLevel: Type.Optional(IntegrationLogLevel),
});
export type SettingsUpdate = Static<typeof SettingsUpdate>;
