/** This station build's version, sent in `pair` and `hello` and compared with `minStationVersion`. */
export const STATION_APP_VERSION = '0.1.0';

/** Default port of the local API (SPEC §6). */
export const DEFAULT_LOCAL_PORT = 8081;

/** Default data directory of the station CLI (SPEC §12.4). */
export const DEFAULT_DATA_DIR = './storelink-station';
