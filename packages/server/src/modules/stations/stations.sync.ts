import type { SnapshotSource } from '../../sync/snapshot-source';
import { findActiveStationByCode } from './stations.repository';
import { toStationSyncData } from './stations.service';

/** A station sees its own record only, as `toStationSyncData` shapes it. */
export const stationSnapshotSource: SnapshotSource = {
  entity: 'station',
  async *read(db, scope) {
    const row = await findActiveStationByCode(db, scope.stationCode);
    if (row) yield [{ key: row.code, data: toStationSyncData(row) }];
  },
};
