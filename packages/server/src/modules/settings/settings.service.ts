import type { Settings, SettingsUpdate } from '@storelink/contracts';
import { runWrite, type Actor, type WriteDeps } from '../../db/write';
import { GLOBAL, type Visible } from '../changes/change-plan';
import * as repo from './settings.repository';

/** The key of the one `settings` record in snapshots and changes. */
export const SETTINGS_KEY = 'settings';

export function toSettings(row: repo.SettingsRow): Settings {
  return {
    minStationVersion: row.minStationVersion,
    changeRetentionDays: row.changeRetentionDays,
    integrationLogLevel: row.integrationLogLevel,
  };
}

/** Every station sees the settings; they are never inactive. */
function visible(settings: Settings): Visible {
  return { data: settings, scopes: [GLOBAL], active: true };
}

export function createSettingsService(deps: WriteDeps) {
  return {
    async get(): Promise<Settings> {
      return toSettings(await repo.readSettings(deps.db));
    },

    update(actor: Actor, input: SettingsUpdate): Promise<Settings> {
      return runWrite(deps, actor, async (w) => {
        const before = await repo.readSettings(w.tx);
        const patch: Partial<repo.SettingsRow> = {
          ...(input.minStationVersion !== undefined ? { minStationVersion: input.minStationVersion } : {}),
          ...(input.changeRetentionDays !== undefined
            ? { changeRetentionDays: input.changeRetentionDays }
            : {}),
          ...(input.integrationLogLevel !== undefined
            ? { integrationLogLevel: input.integrationLogLevel }
            : {}),
        };
        await repo.updateSettings(w.tx, { ...patch, updatedAt: w.at });
        const old = toSettings(before);
        const after = toSettings({ ...before, ...patch });
        w.audit({
          action: 'settings.update',
          entity: 'settings',
          entityId: SETTINGS_KEY,
          before: old,
          after,
        });
        w.recordChange({
          entity: 'settings',
          key: SETTINGS_KEY,
          before: visible(old),
          after: visible(after),
        });
        return after;
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
