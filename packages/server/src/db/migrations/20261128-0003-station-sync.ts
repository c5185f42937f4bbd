import { sql, type Kysely } from 'kysely';

/**
 * The downstream sync: what each station last reported (monitoring), the movement sequence per
 * station incarnation, the change log's retention floor, and an index that lets a station's
 * change pull read only its own scopes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('station_reports')
    .addColumn('station_id', 'text', (c) => c.primaryKey().references('stations.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text', (c) => c.notNull())
    .addColumn('protocol_version', 'integer', (c) => c.notNull())
    .addColumn('incarnation', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('outbox_depth', 'integer', (c) => c.notNull())
    .addColumn('outbox_oldest_at', 'text')
    .addColumn('db_size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('station_clock', 'text', (c) => c.notNull())
    .addColumn('clock_skew_ms', 'bigint', (c) => c.notNull())
    .addColumn('refusal_code', 'text')
    .execute();

  await db.schema
    .createTable('station_sequences')
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('incarnation', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('station_sequences_pk', ['station_id', 'incarnation'])
    .execute();

  await db.schema
    .createIndex('change_log_scope_cursor')
    .on('change_log')
    .columns(['scope_kind', 'scope_key', 'cursor'])
    .execute();

  // Every change with a cursor at or below the floor has been pruned (retention).
  await sql`insert into counters (name, value) values ('change_floor', 0)`.execute(db);
}
