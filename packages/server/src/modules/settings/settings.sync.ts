import type { SnapshotSource } from '../../sync/snapshot-source';
import { readSettings } from './settings.repository';
import { SETTINGS_KEY, toSettings } from './settings.service';

/** Every station sees the one settings record. */
export const settingsSnapshotSource: SnapshotSource = {
  entity: 'settings',
  async *read(db) {
    yield [{ key: SETTINGS_KEY, data: toSettings(await readSettings(db)) }];
  },
};
