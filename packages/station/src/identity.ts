import fs from 'node:fs';
import path from 'node:path';

/** Who this station is to the server: written by `pair`, read by `run` and `status`. */
export interface StationIdentity {
  /** The server's base URL (`http://host:port`). */
  serverUrl: string;
  stationId: string;
  stationCode: string;
  /** The bearer token: a secret. The file holding it is readable by its owner only (0600). */
  token: string;
  incarnation: number;
  pairedAt: string;
}

export const IDENTITY_FILE = 'identity.json';

export function identityPath(dataDir: string): string {
  return path.join(dataDir, IDENTITY_FILE);
}

/** The station's identity, or undefined when the data directory was never paired. */
export function readIdentity(dataDir: string): StationIdentity | undefined {
  let text: string;
  try {
    text = fs.readFileSync(identityPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<StationIdentity>;
  if (
    typeof parsed.serverUrl !== 'string' ||
    typeof parsed.stationId !== 'string' ||
    typeof parsed.stationCode !== 'string' ||
    typeof parsed.token !== 'string' ||
    typeof parsed.incarnation !== 'number' ||
    typeof parsed.pairedAt !== 'string'
  ) {
    throw new Error(`${identityPath(dataDir)} is damaged; pair the station again`);
  }
  return parsed as StationIdentity;
}

/**
 * Writes the identity atomically with mode 0600: a temporary file created owner-only, flushed to
 * disk, then renamed over the old one, so a crash leaves either the old identity or the new one.
 */
export function writeIdentity(dataDir: string, identity: StationIdentity): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const target = identityPath(dataDir);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(identity, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, target);
}
