import type { MovementNote, MovementType, QuarantineCode } from '@storelink/contracts';

/** The station a movement came from, as it stood when the movement was received. */
export interface MovementOrigin {
  stationId: string;
  stationCode: string;
  storeCode: string;
  groupCode: string;
}

/**
 * A movement to judge: one just received (`stored === null`), or one already stored that is
 * judged again (a pending reference whose target arrived, or a reprocessed integration error).
 */
export interface Candidate {
  id: string;
  origin: MovementOrigin;
  incarnation: number;
  seq: number;
  type: MovementType;
  /** As the station sent it; the station audit hash covers this exact text. */
  occurredAt: string;
  receivedAt: string;
  operatorCode: string;
  schemaVersion: number;
  payload: unknown;
  /** The `payloadHash` the station sent. */
  receivedHash: string;
  /** Check `receivedHash` against the payload: on arrival yes; after an operator's edit, no. */
  checkHash: boolean;
  stored: null | {
    status: 'quarantined' | 'pending_reference' | 'accepted';
    waitingFor: string | null;
    integrationErrorId: string | null;
  };
}

/** Why a movement was not booked, as the station and the console read it. */
export interface Quarantine {
  status: 'quarantined';
  code: QuarantineCode;
  detail: string;
}

/** A reference to another station's movement that has not arrived (not an error). */
export interface Pending {
  status: 'pending_reference';
  /** `sale:<id>`, `exchange:<id>` or `voucher:<storeCode>:<code>`. */
  waitingFor: string;
  detail: string;
}

/** What became of a candidate. */
export type Verdict = { status: 'accepted'; notes: MovementNote[] } | Quarantine | Pending;

export function quarantine(code: QuarantineCode, detail: string): Quarantine {
  return { status: 'quarantined', code, detail };
}

export const saleKey = (saleId: string) => `sale:${saleId}`;
export const exchangeKey = (exchangeId: string) => `exchange:${exchangeId}`;
export const voucherKey = (storeCode: string, code: string) => `voucher:${storeCode}:${code}`;
