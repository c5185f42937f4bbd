import type { SnapshotSource } from '../../sync/snapshot-source';
import { findActiveStationGroupByCode } from './station-groups.repository';
import { toStationGroup } from './station-groups.service';

/** A station sees its own group only. */
export const stationGroupSnapshotSource: SnapshotSource = {
  entity: 'stationGroup',
  async *read(db, scope) {
    const row = await findActiveStationGroupByCode(db, scope.groupCode);
    if (row) yield [{ key: row.code, data: toStationGroup(row) }];
  },
};
