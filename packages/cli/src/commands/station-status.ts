import type { StationStatus } from '@storelink/contracts';

function ago(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  const span =
    seconds < 90
      ? `${seconds} s`
      : seconds < 90 * 60
        ? `${Math.round(seconds / 60)} min`
        : seconds < 48 * 3600
          ? `${Math.round(seconds / 3600)} h`
          : `${Math.round(seconds / 86_400)} days`;
  return `${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} (${span} ago)`;
}

/** `storelink station status` in words: what a store manager or IT needs at a glance. */
export function describeStatus(
  status: StationStatus,
  context: { identity: { serverUrl: string; incarnation: number }; agentUrl: string | undefined; now: Date },
): string {
  const { identity, agentUrl, now } = context;
  const sync = !agentUrl
    ? 'offline (the station agent is not running: storelink station run)'
    : status.online
      ? 'online'
      : 'offline (selling continues from the local catalog)';
  const snapshot =
    status.snapshot.state === 'loading'
      ? `loading a new catalog, ${status.snapshot.percent}%`
      : status.snapshot.state === 'ready'
        ? 'catalog ready'
        : 'no catalog yet';
  const outbox =
    status.outbox.depth === 0
      ? 'empty'
      : `${status.outbox.depth} movement(s) waiting, oldest from ${ago(status.outbox.oldestAt, now)}`;
  const version = `${status.version.app}; server minimum ${status.version.minRequired ?? 'not known yet'}: ${
    status.version.compatible ? 'compatible' : 'TOO OLD, upgrade this station'
  }`;
  return [
    `Station ${status.stationCode} (incarnation ${identity.incarnation}), server ${identity.serverUrl}`,
    `  Sync:          ${sync}`,
    `  Last contact:  ${ago(status.lastContactAt, now)}`,
    `  Catalog:       ${snapshot}, cursor ${status.cursor ?? 'none'}`,
    `  Data as of:    ${ago(status.dataAsOf, now)}`,
    `  Outbox:        ${outbox}`,
    `  Version:       ${version}`,
    `  Last error:    ${status.lastError ?? 'none'}`,
    ...(agentUrl ? [`  Local API:     ${agentUrl}/local/v1`] : []),
  ].join('\n');
}
