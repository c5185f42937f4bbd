import type { Row } from '../../db/schema';
import type { ChangeInput } from '../changes/change-plan';

/** One station audit event, appended to its station's chain with the station's own hashes. */
export interface StationAuditEntry {
  chain: string;
  stationId: string;
  at: string;
  actor: string;
  action: string;
  details: unknown;
  prevHash: string;
  hash: string;
}

/** A cash session as it will be written: inserted when new, else the changed fields only. */
export interface SessionWrite {
  inDb: boolean;
  row: Partial<Row<'cashSessions'>> & { id: string };
}

/**
 * Everything one ingest transaction writes, collected in memory while its movements are judged,
 * then written table by table with multi-row statements (projections.repository.ts). Later
 * movements of the batch may change rows planned by earlier ones (a sale cancelled in the same
 * batch): those changes are merged into the planned rows instead of becoming extra statements.
 */
export class WritePlan {
  /** New movements, in seq order; their ERP cursors are assigned at write time. */
  readonly movements: Row<'movements'>[] = [];
  /** Stored movements judged again (pending resolved, reprocessed). */
  readonly movementUpdates = new Map<string, Partial<Row<'movements'>>>();
  /** Ids of movements accepted in this transaction, in the order they get ERP cursors. */
  readonly accepted: string[] = [];
  /** `sale.completed` movements whose sale was cancelled in this transaction. */
  readonly cancelledSaleMovements = new Set<string>();

  readonly sales: Row<'sales'>[] = [];
  readonly saleItems: Row<'saleItems'>[] = [];
  readonly salePayments: Row<'salePayments'>[] = [];
  readonly saleCancels = new Map<string, { cancelledAt: string; cancelMovementId: string }>();
  readonly exchanges: Row<'exchanges'>[] = [];
  readonly exchangeItems: Row<'exchangeItems'>[] = [];
  readonly exchangeCancels = new Map<string, { cancelledAt: string; cancelMovementId: string }>();
  readonly redemptions: Row<'voucherRedemptions'>[] = [];
  /** Redemptions already stored whose sale was cancelled. */
  readonly redemptionCancels: string[] = [];
  readonly cashMovements: Row<'cashMovements'>[] = [];
  readonly sessions = new Map<string, SessionWrite>();
  readonly vouchersNew: Row<'vouchers'>[] = [];
  readonly voucherUpdates: Pick<
    Row<'vouchers'>,
    'storeCode' | 'code' | 'balanceCents' | 'status' | 'updatedAt'
  >[] = [];
  readonly voucherChanges: ChangeInput[] = [];
  readonly stationAudit: StationAuditEntry[] = [];

  readonly errorsNew: Row<'integrationErrors'>[] = [];
  readonly errorUpdates = new Map<string, Partial<Row<'integrationErrors'>>>();
}
