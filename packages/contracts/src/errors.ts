/**
 * The one catalog of stable error codes (SPEC §7, §12.1, §12.2, §12.4).
 *
 * Every problem+json answer carries one of these codes. Each entry says, in one line, the cause
 * and what the caller should do; `docs/errors.md` is generated from this file
 * (`npm run docs:errors`). Codes are part of the wire contract: never rename one.
 */
export const errorCatalog = {
  // --- HTTP-level codes (§12.1) ---
  /** The request does not match the schema or a field rule; fix the fields listed in `errors[]`. */
  validation_failed: { status: 400, title: 'Validation failed' },
  /** The pairing code is wrong, used or expired; issue a new code in the back office. */
  pairing_code_invalid: { status: 400, title: 'Pairing code invalid' },
  /** No valid credentials; log in again (admin) or re-pair the station. */
  unauthorized: { status: 401, title: 'Unauthorized' },
  /** The caller's role may not do this; ask an admin. */
  forbidden: { status: 403, title: 'Forbidden' },
  /** The station group has the integration switched off; turn `integrationEnabled` on to sync. */
  integration_disabled: { status: 403, title: 'Integration disabled' },
  /** The station is deactivated; reactivate it in the back office before it can sync. */
  station_inactive: { status: 403, title: 'Station inactive' },
  /** The record does not exist; check the id or code. */
  not_found: { status: 404, title: 'Not found' },
  /** A record with this code (or barcode) already exists; use another code or update the existing one. */
  conflict: { status: 409, title: 'Conflict' },
  /** The batch skips sequence numbers; resend from `expectedSeq`. */
  seq_gap: { status: 409, title: 'Sequence gap' },
  /** The change cursor is older than the retention window; take a new snapshot. */
  cursor_expired: { status: 410, title: 'Cursor expired' },
  /** The body is larger than the route allows; split it or use the streamed import. */
  payload_too_large: { status: 413, title: 'Payload too large' },
  /** The station runs a version below `minStationVersion`; upgrade the station. */
  station_version_unsupported: { status: 426, title: 'Station version unsupported' },
  /** Too many attempts; wait a minute and try again. */
  rate_limited: { status: 429, title: 'Too many requests' },
  /** The server could not reach its database; it is retried, call again shortly. */
  unavailable: { status: 503, title: 'Service unavailable' },

  // --- Station local business refusals (§12.4), all 422 ---
  /** The operator code or PIN is wrong; type them again. */
  invalid_pin: { status: 422, title: 'Invalid PIN' },
  /** No till is open; open the till first. */
  till_not_open: { status: 422, title: 'Till not open' },
  /** A till is already open on this station; close it before opening another. */
  till_already_open: { status: 422, title: 'Till already open' },
  /** No SKU has this barcode in the station's catalog; check the label or search by name. */
  unknown_barcode: { status: 422, title: 'Unknown barcode' },
  /** The payments do not cover the sale total; add a payment. */
  payments_insufficient: { status: 422, title: 'Payments insufficient' },
  /** Only a payment type that gives change may exceed the total; lower the amount. */
  change_not_allowed: { status: 422, title: 'Change not allowed' },
  /** The payment condition is not allowed for this payment type or amount; choose another condition. */
  condition_not_allowed: { status: 422, title: 'Condition not allowed' },
  /** No voucher has this code in this store; check the code. */
  voucher_unknown: { status: 422, title: 'Unknown voucher' },
  /** The station's group does not accept this payment type; choose one the group allows. */
  payment_type_not_allowed: { status: 422, title: 'Payment type not allowed' },
  /** No payment type has this code at this station; check the code or wait for the catalog to sync. */
  unknown_payment_type: { status: 422, title: 'Unknown payment type' },
  /** The voucher's balance is lower than the amount; use a smaller amount. */
  voucher_insufficient: { status: 422, title: 'Voucher insufficient' },
  /** The voucher was already used; it cannot be cancelled or used again. */
  voucher_used: { status: 422, title: 'Voucher used' },
  /** This action needs a supervisor's code and PIN. */
  supervisor_required: { status: 422, title: 'Supervisor required' },
  /** The sale or exchange was already cancelled. */
  already_cancelled: { status: 422, title: 'Already cancelled' },
  /** The financial reason is not allowed here (wrong kind, or not allowed for this group); pick another. */
  reason_not_allowed: { status: 422, title: 'Reason not allowed' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/**
 * Codes of quarantined movements (§12.2). A quarantined movement is kept whole as an
 * integration error and can be edited and reprocessed; `pending_reference` is not an error.
 */
export const quarantineCodes = [
  'unknown_sku',
  'unknown_seller',
  'unknown_operator',
  'unknown_payment_type',
  'unknown_reason',
  'payment_type_not_allowed',
  'condition_not_allowed',
  'totals_mismatch',
  'invalid_payload',
  'duplicate_mismatch',
  'voucher_overdrawn',
] as const;

export type QuarantineCode = (typeof quarantineCodes)[number];
