import type { Kysely, Selectable, Transaction } from 'kysely';

/**
 * Table types, in camelCase: the CamelCasePlugin turns them into the snake_case of the SQL, the
 * one place where the two namings meet. Booleans are stored as 0/1 and lists as JSON text, the
 * same on SQLite and PostgreSQL, so repositories convert rows in exactly one way on both.
 */
export type Flag = 0 | 1;

interface Audited {
  createdAt: string;
  updatedAt: string;
}

export interface StoresTable extends Audited {
  id: string;
  code: string;
  name: string;
  taxId: string | null;
  timezone: string;
  active: Flag;
}

export interface PriceListsTable extends Audited {
  id: string;
  code: string;
  name: string;
  active: Flag;
}

export interface StationGroupsTable extends Audited {
  id: string;
  code: string;
  name: string;
  storeCode: string;
  priceListCode: string;
  integrationEnabled: Flag;
  syncIntervalSeconds: number;
  heartbeatSeconds: number;
  offlineAlertMinutes: number;
  maxCashierDiscountBp: number;
  paymentTypeCodes: string;
  financialReasonCodes: string;
  cancelRequiresSupervisor: Flag;
  active: Flag;
}

export interface StationsTable extends Audited {
  id: string;
  code: string;
  name: string;
  groupCode: string;
  active: Flag;
  hostname: string | null;
  appVersion: string | null;
  incarnation: number;
  pairedAt: string | null;
  lastSeenAt: string | null;
  tokenHash: string | null;
  pairingCodeHash: string | null;
  pairingCodeExpiresAt: string | null;
}

/** A command waiting for a station; pending while `acknowledgedAt` is null. */
export interface StationCommandsTable {
  id: string;
  stationId: string;
  type: 'send-now' | 'resync';
  issuedAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}

export interface ProductsTable extends Audited {
  id: string;
  code: string;
  name: string;
  brand: string | null;
  category: string | null;
  active: Flag;
}

export interface SkusTable extends Audited {
  id: string;
  code: string;
  productCode: string;
  color: string | null;
  size: string | null;
  active: Flag;
}

export interface BarcodesTable {
  barcode: string;
  skuCode: string;
}

export interface PricesTable {
  priceListCode: string;
  skuCode: string;
  priceCents: number;
  updatedAt: string;
}

export interface SellersTable extends Audited {
  id: string;
  code: string;
  name: string;
  storeCodes: string;
  active: Flag;
}

export interface OperatorsTable extends Audited {
  id: string;
  code: string;
  name: string;
  role: 'cashier' | 'supervisor';
  pinHash: string;
  storeCodes: string;
  active: Flag;
}

export interface PaymentTypesTable extends Audited {
  id: string;
  code: string;
  name: string;
  kind: string;
  givesChange: Flag;
  allowsInstallments: Flag;
  requiresCustomer: Flag;
  fiscalCode: string;
  active: Flag;
}

export interface PaymentConditionsTable extends Audited {
  id: string;
  code: string;
  name: string;
  paymentTypeCodes: string;
  installments: number;
  firstDueDays: number;
  intervalDays: number;
  surchargeBp: number;
  minInstallmentCents: number;
  active: Flag;
}

export interface FinancialReasonsTable extends Audited {
  id: string;
  code: string;
  name: string;
  kind: 'withdrawal' | 'supply' | 'expense';
  requiresNote: Flag;
  active: Flag;
}

export interface PromotionsTable extends Audited {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** The kind's parameters and target, as JSON: percentBp, priceCents, buy/pay, tiers, target. */
  rule: string;
  groupCodes: string;
  paymentTypeCodes: string;
  startsAt: string | null;
  endsAt: string | null;
  priority: number;
  exclusive: Flag;
  active: Flag;
}

export interface SettingsTable {
  id: number;
  minStationVersion: string;
  changeRetentionDays: number;
  integrationLogLevel: 'errors' | 'all';
  updatedAt: string;
}

export interface UsersTable extends Audited {
  id: string;
  username: string;
  passwordHash: string;
  role: 'admin' | 'operator' | 'auditor';
  active: Flag;
}

export interface SessionsTable {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditLogTable {
  id: string;
  chain: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  stationId: string | null;
  before: string | null;
  after: string | null;
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface ChangeLogTable {
  cursor: number;
  /** The first cursor of the transaction that wrote the change: pages end on its boundaries. */
  txCursor: number;
  entity: string;
  entityKey: string;
  op: 'upsert' | 'delete';
  scopeKind: 'global' | 'store' | 'group' | 'station' | 'priceList';
  scopeKey: string;
  data: string | null;
  createdAt: string;
}

/** Named gap-free counters; the `UPDATE … RETURNING` row lock serialises their users until commit. */
export interface CountersTable {
  name: string;
  value: number;
}

/** The last `hello` of each station, for monitoring (SPEC §5 monitoring, §12.3). */
export interface StationReportsTable {
  stationId: string;
  reportedAt: string;
  appVersion: string;
  protocolVersion: number;
  incarnation: number;
  lastSeq: number;
  cursor: string | null;
  outboxDepth: number;
  outboxOldestAt: string | null;
  dbSizeBytes: number;
  stationClock: string;
  /** Server time minus the station's clock when the hello arrived. */
  clockSkewMs: number;
  /** The error code the last hello was refused with, or null when it was answered. */
  refusalCode: string | null;
}

/** The last movement seq accepted from each station incarnation; a new incarnation starts at 0. */
export interface StationSequencesTable {
  stationId: string;
  incarnation: number;
  lastSeq: number;
}

/** Where a movement stands (SPEC §4.3): booked, kept as an integration error, or waiting. */
export type MovementStatusValue = 'accepted' | 'quarantined' | 'pending_reference';

/**
 * Every movement a station sent, kept whole. `payload` is the payload as booked (as received, or
 * as edited before a successful reprocess) and `payloadHash` its hash; `receivedHash` is the hash
 * the station sent, which a resend of the same seq must repeat. `waitingFor` names the reference a
 * `pending_reference` movement waits for (`sale:<id>`, `exchange:<id>`, `voucher:<store>:<code>`).
 * `erpCursor` is set when the movement is accepted (ERP feed order).
 */
export interface MovementsTable {
  id: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  groupCode: string;
  incarnation: number;
  seq: number;
  type: string;
  /** Normalised (`toISOString`), for filtering and ordering. */
  occurredAt: string;
  /** The station's text when it differs from `occurredAt` (station audit hashes cover it). */
  occurredAtSent: string | null;
  receivedAt: string;
  operatorCode: string;
  schemaVersion: number;
  payload: string;
  payloadHash: string;
  receivedHash: string;
  status: MovementStatusValue;
  errorCode: string | null;
  errorDetail: string | null;
  waitingFor: string | null;
  saleId: string | null;
  totalCents: number | null;
  cancelled: Flag;
  /** JSON array of `MovementNote`s (price divergence), or null. */
  notes: string | null;
  erpCursor: number | null;
}

export interface IntegrationErrorsTable {
  id: string;
  movementId: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  seq: number;
  type: string;
  code: string;
  detail: string;
  status: 'open' | 'resolved' | 'reprocessed';
  /** The current payload (JSON): as received, or as last edited. */
  payload: string;
  payloadHash: string;
  /** JSON array of `IntegrationErrorHistoryEntry`. */
  history: string;
  createdAt: string;
  updatedAt: string;
}

export interface SalesTable {
  id: string;
  movementId: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  number: number;
  sessionId: string;
  sellerCode: string;
  operatorCode: string;
  customerTaxId: string | null;
  customerName: string | null;
  occurredAt: string;
  /** The day of `occurredAt` in the store's timezone (SPEC §12.3 business day). */
  businessDate: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  changeCents: number;
  surchargeCents: number;
  cancelled: Flag;
  cancelledAt: string | null;
  cancelMovementId: string | null;
}

export interface SaleItemsTable {
  saleId: string;
  lineNo: number;
  storeCode: string;
  skuCode: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  manualDiscountCents: number;
  totalCents: number;
  promotionCodes: string;
}

export interface SalePaymentsTable {
  saleId: string;
  n: number;
  storeCode: string;
  paymentTypeCode: string;
  conditionCode: string | null;
  amountCents: number;
  surchargeCents: number;
  changeCents: number;
  voucherCode: string | null;
  authorization: string | null;
  /** JSON array of `{n, dueDate, amountCents}`, or null without a condition. */
  installments: string | null;
}

export interface ExchangesTable {
  id: string;
  movementId: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  originalSaleId: string | null;
  occurredAt: string;
  businessDate: string;
  settlement: 'voucher' | 'refund';
  totalCents: number;
  voucherCode: string | null;
  refundPaymentTypeCode: string | null;
  reason: string | null;
  cancelled: Flag;
  cancelledAt: string | null;
  cancelMovementId: string | null;
}

export interface ExchangeItemsTable {
  exchangeId: string;
  n: number;
  storeCode: string;
  skuCode: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

/** Store-scoped vouchers (SPEC §4.3, §12.4): issued by an exchange, spent in part or whole. */
export interface VouchersTable {
  storeCode: string;
  code: string;
  amountCents: number;
  balanceCents: number;
  status: 'open' | 'used' | 'cancelled';
  exchangeId: string;
  /** The station whose exchange issued it. */
  stationCode: string;
  issuedAt: string;
  updatedAt: string;
}

export interface VoucherRedemptionsTable {
  id: string;
  storeCode: string;
  voucherCode: string;
  saleId: string;
  movementId: string;
  stationCode: string;
  amountCents: number;
  occurredAt: string;
  /** Set when the sale was cancelled: the amount went back onto the voucher. */
  cancelled: Flag;
}

/** A till's life; open and close come from separate movements, either may arrive first. */
export interface CashSessionsTable {
  id: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  operatorCode: string | null;
  openedAt: string | null;
  openingFloatCents: number | null;
  openMovementId: string | null;
  closedAt: string | null;
  closedBy: string | null;
  /** JSON `[{paymentTypeCode, amountCents}]` declared at close. */
  declared: string | null;
  /** JSON: the station's own `TillSummary` at close. */
  summary: string | null;
  closeMovementId: string | null;
}

export interface CashMovementsTable {
  id: string;
  sessionId: string;
  stationId: string;
  stationCode: string;
  storeCode: string;
  kind: 'withdrawal' | 'supply' | 'expense';
  reasonCode: string;
  amountCents: number;
  note: string | null;
  authorizedBy: string | null;
  operatorCode: string;
  occurredAt: string;
  businessDate: string;
}

export interface Database {
  stores: StoresTable;
  priceLists: PriceListsTable;
  stationGroups: StationGroupsTable;
  stations: StationsTable;
  stationCommands: StationCommandsTable;
  products: ProductsTable;
  skus: SkusTable;
  barcodes: BarcodesTable;
  prices: PricesTable;
  sellers: SellersTable;
  operators: OperatorsTable;
  paymentTypes: PaymentTypesTable;
  paymentConditions: PaymentConditionsTable;
  financialReasons: FinancialReasonsTable;
  promotions: PromotionsTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  auditHeads: AuditHeadsTable;
  changeLog: ChangeLogTable;
  counters: CountersTable;
  stationReports: StationReportsTable;
  stationSequences: StationSequencesTable;
  movements: MovementsTable;
  integrationErrors: IntegrationErrorsTable;
  sales: SalesTable;
  saleItems: SaleItemsTable;
  salePayments: SalePaymentsTable;
  exchanges: ExchangesTable;
  exchangeItems: ExchangeItemsTable;
  vouchers: VouchersTable;
  voucherRedemptions: VoucherRedemptionsTable;
  cashSessions: CashSessionsTable;
  cashMovements: CashMovementsTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Row<T extends keyof Database> = Selectable<Database[T]>;
