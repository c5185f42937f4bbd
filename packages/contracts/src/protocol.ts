/** Version of the sync protocol (SPEC §4). A station speaking another major version is refused. */
export const PROTOCOL_VERSION = 1;
/** Schema version of movement payloads (SPEC §12.2 envelope). */
export const MOVEMENT_SCHEMA_VERSION = 1;
