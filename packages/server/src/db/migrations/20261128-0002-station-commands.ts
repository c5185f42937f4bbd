import type { Kysely } from 'kysely';

/**
 * Commands waiting for a station (`send-now`, `resync`, SPEC §4.1/§4.2). A row is pending until
 * the station acknowledges it; `delivered_at` records the first time it was handed out (live
 * event stream or `hello`). The index serves "pending commands of this station".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('station_commands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema
    .createIndex('station_commands_station_pending')
    .on('station_commands')
    .columns(['station_id', 'acknowledged_at'])
    .execute();
}
