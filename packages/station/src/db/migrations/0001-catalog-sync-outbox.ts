import type SqliteDatabase from 'better-sqlite3';

/**
 * The catalog (records as received plus lookup tables), the sync state, and the outbox.
 *
 * Catalog tables carry no primary key: a snapshot loads fresh copies of them without indexes and
 * builds the unique indexes after the load (catalog/catalog-schema.ts). Index names end in the
 * catalog generation (`_g0` here) because a swapped-in table keeps its indexes' names.
 */
export function up(db: SqliteDatabase.Database): void {
  db.exec(`
    create table catalog_records (entity text not null, key text not null, data text not null);
    create unique index catalog_records_key_g0 on catalog_records (entity, key);

    create table skus (
      sku_code text not null, product_code text not null, name text not null,
      color text, size text, barcodes text not null
    );
    create unique index skus_code_g0 on skus (sku_code);
    create index skus_product_g0 on skus (product_code);

    create table barcodes (barcode text not null, sku_code text not null, product_code text not null);
    create unique index barcodes_code_g0 on barcodes (barcode);
    create index barcodes_product_g0 on barcodes (product_code);

    create table prices (sku_code text not null, price_cents integer not null);
    create unique index prices_sku_g0 on prices (sku_code);

    create table sync_state (
      id integer primary key check (id = 1),
      cursor integer,
      data_as_of text,
      last_contact_at text,
      snapshot_state text not null,
      snapshot_loaded integer not null,
      snapshot_total integer not null,
      snapshot_checksum text,
      catalog_generation integer not null,
      needs_snapshot integer not null,
      last_error text,
      last_error_code text,
      last_error_at text,
      min_station_version text,
      version_compatible integer not null,
      heartbeat_seconds integer not null,
      sync_interval_seconds integer not null
    );
    insert into sync_state (id, snapshot_state, snapshot_loaded, snapshot_total, catalog_generation,
      needs_snapshot, version_compatible, heartbeat_seconds, sync_interval_seconds)
    values (1, 'none', 0, 0, 0, 1, 1, 30, 60);

    create table outbox (
      id text primary key,
      incarnation integer not null,
      seq integer not null,
      type text not null,
      occurred_at text not null,
      operator_code text,
      schema_version integer not null,
      payload text not null,
      payload_hash text not null,
      created_at text not null,
      acked_at text,
      unique (incarnation, seq)
    );
    create index outbox_pending on outbox (occurred_at) where acked_at is null;
  `);
}
