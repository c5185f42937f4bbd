import type { Migration } from 'kysely';
import * as masterData from './20261128-0001-master-data';
import * as stationCommands from './20261128-0002-station-commands';
import * as stationSync from './20261128-0003-station-sync';
import * as movements from './20261128-0010-movements';

/**
 * Forward-only migrations, in order. Each runs in its own transaction on both dialects.
 * Never edit one that has shipped: add a new file named `<timestamp>-<intent>`.
 */
export const migrations: Record<string, Migration> = {
  '20261128-0001-master-data': masterData,
  '20261128-0002-station-commands': stationCommands,
  '20261128-0003-station-sync': stationSync,
  '20261128-0010-movements': movements,
};
