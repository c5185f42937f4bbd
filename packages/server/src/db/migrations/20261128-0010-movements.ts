import { sql, type Kysely } from 'kysely';

/**
 * The upstream sync (SPEC §4.3, §4.4, §5): every movement kept whole, the integration errors, and
 * the projections movements are booked into. Every hot table carries `store_code` (SPEC §2), so a
 * sharded PostgreSQL can distribute by it. Projection tables have no foreign keys: the ingest
 * writes them in bulk, in one transaction with the movement, and is their only writer.
 * Money is bigint cents; lists and nested shapes are JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('incarnation', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at_sent', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('operator_code', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('received_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_detail', 'text')
    .addColumn('waiting_for', 'text')
    .addColumn('sale_id', 'text')
    .addColumn('total_cents', 'bigint')
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('erp_cursor', 'bigint', (c) => c.unique())
    .addUniqueConstraint('movements_station_seq', ['station_id', 'incarnation', 'seq'])
    .execute();
  await db.schema
    .createIndex('movements_station_occurred')
    .on('movements')
    .columns(['station_id', 'occurred_at'])
    .execute();
  // Only pending movements are indexed: "who waits for this sale/voucher" stays a tiny lookup.
  await db.schema
    .createIndex('movements_pending')
    .on('movements')
    .column('waiting_for')
    .where(sql<boolean>`status = 'pending_reference'`)
    .execute();

  await db.schema
    .createTable('integration_errors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integration_errors_movement')
    .on('integration_errors')
    .column('movement_id')
    .execute();
  await db.schema
    .createIndex('integration_errors_status')
    .on('integration_errors')
    .columns(['status', 'id'])
    .execute();
  await db.schema
    .createIndex('integration_errors_station')
    .on('integration_errors')
    .columns(['station_id', 'id'])
    .execute();

  await db.schema
    .createTable('sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('number', 'bigint', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('seller_code', 'text', (c) => c.notNull())
    .addColumn('operator_code', 'text', (c) => c.notNull())
    .addColumn('customer_tax_id', 'text')
    .addColumn('customer_name', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('subtotal_cents', 'bigint', (c) => c.notNull())
    .addColumn('discount_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('change_cents', 'bigint', (c) => c.notNull())
    .addColumn('surcharge_cents', 'bigint', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_movement_id', 'text')
    .execute();
  await db.schema
    .createIndex('sales_store_date')
    .on('sales')
    .columns(['store_code', 'business_date'])
    .execute();
  await db.schema
    .createIndex('sales_station_date')
    .on('sales')
    .columns(['station_id', 'business_date'])
    .execute();

  await db.schema
    .createTable('sale_items')
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
    .addColumn('discount_cents', 'bigint', (c) => c.notNull())
    .addColumn('manual_discount_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('promotion_codes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_items_pk', ['sale_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('sale_payments')
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('payment_type_code', 'text', (c) => c.notNull())
    .addColumn('condition_code', 'text')
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('surcharge_cents', 'bigint', (c) => c.notNull())
    .addColumn('change_cents', 'bigint', (c) => c.notNull())
    .addColumn('voucher_code', 'text')
    .addColumn('authorization', 'text')
    .addColumn('installments', 'text')
    .addPrimaryKeyConstraint('sale_payments_pk', ['sale_id', 'n'])
    .execute();

  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('original_sale_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('settlement', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('voucher_code', 'text')
    .addColumn('refund_payment_type_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_movement_id', 'text')
    .execute();
  await db.schema
    .createIndex('exchanges_store_date')
    .on('exchanges')
    .columns(['store_code', 'business_date'])
    .execute();

  await db.schema
    .createTable('exchange_items')
    .addColumn('exchange_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_items_pk', ['exchange_id', 'n'])
    .execute();

  await db.schema
    .createTable('vouchers')
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('balance_cents', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('exchange_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vouchers_pk', ['store_code', 'code'])
    .execute();

  await db.schema
    .createTable('voucher_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('voucher_code', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('movement_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('voucher_redemptions_sale')
    .on('voucher_redemptions')
    .column('sale_id')
    .execute();
  await db.schema
    .createIndex('voucher_redemptions_voucher')
    .on('voucher_redemptions')
    .columns(['store_code', 'voucher_code'])
    .execute();

  await db.schema
    .createTable('cash_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('operator_code', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('opening_float_cents', 'bigint')
    .addColumn('open_movement_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('declared', 'text')
    .addColumn('summary', 'text')
    .addColumn('close_movement_id', 'text')
    .execute();
  await db.schema
    .createIndex('cash_sessions_station')
    .on('cash_sessions')
    .columns(['station_id', 'opened_at'])
    .execute();

  await db.schema
    .createTable('cash_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text', (c) => c.notNull())
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('authorized_by', 'text')
    .addColumn('operator_code', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cash_movements_station_date')
    .on('cash_movements')
    .columns(['station_id', 'business_date'])
    .execute();

  // The ERP feed's commit-safe cursor (see erp-feed.repository.ts).
  await sql`insert into counters (name, value) values ('erp_cursor', 0)`.execute(db);
}
