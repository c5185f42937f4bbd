import type {
  AuditEventPayload,
  CashSessionClosedPayload,
  CashSessionMovementPayload,
  CashSessionOpenedPayload,
  ExchangeCancelledPayload,
  ExchangeCompletedPayload,
  MovementNote,
  MovementPayloads,
  SaleCancelledPayload,
  SaleCompletedPayload,
} from '@storelink/contracts';
import { formatCents, stationAuditChain, stationAuditHash } from '@storelink/domain';
import type { IngestCatalog } from './ingest.catalog';
import type { IngestLedger } from './ingest.ledger';
import { businessDateOf, normalizeInstant } from './ingest.projection';
import { judgeSale } from './ingest.rules.sale';
import {
  exchangeKey,
  quarantine,
  saleKey,
  type Candidate,
  type Pending,
  type Quarantine,
} from './ingest.types';

/** An accepted movement: its notes, and how to book it into the ledger. */
export interface Acceptance {
  status: 'accepted';
  notes: MovementNote[];
  book(): void;
}

export type Judgement = Acceptance | Quarantine | Pending;

/**
 * Judges one schema-valid movement against the back office's data and what is booked (SPEC §4.3,
 * §12.2): codes exist (inactive ones too), arithmetic holds, payment types and conditions are
 * allowed for the station's group, references to other stations' movements have arrived. Pure
 * apart from reading `catalog` and `ledger`; nothing is booked until the caller runs `book()`.
 */
export function judge(
  c: Candidate,
  payload: MovementPayloads[keyof MovementPayloads],
  catalog: IngestCatalog,
  ledger: IngestLedger,
): Judgement {
  if (c.type === 'audit.event') return judgeAuditEvent(c, payload as AuditEventPayload, ledger);
  const operators = [c.operatorCode, ...authorizers(payload)];
  for (const code of operators) {
    if (!catalog.hasOperator(code))
      return quarantine(
        'unknown_operator',
        `Operator ${code} is not registered; register it or fix the code.`,
      );
  }
  const businessDate = businessDateOf(normalizeInstant(c.occurredAt), catalog.timezone(c.origin.storeCode));
  switch (c.type) {
    case 'sale.completed': {
      const p = payload as SaleCompletedPayload;
      const result = judgeSale(c, p, catalog, ledger, businessDate);
      if (result.status !== 'accepted') return result;
      return accept(result.notes, () =>
        ledger.bookSale(
          c,
          {
            movementId: c.id,
            stationId: c.origin.stationId,
            stationCode: c.origin.stationCode,
            storeCode: c.origin.storeCode,
            operatorCode: c.operatorCode,
            occurredAt: normalizeInstant(c.occurredAt),
            businessDate,
          },
          p,
          result.payments,
        ),
      );
    }
    case 'sale.cancelled':
      return judgeSaleCancelled(c, payload as SaleCancelledPayload, ledger);
    case 'exchange.completed':
      return judgeExchange(c, payload as ExchangeCompletedPayload, catalog, ledger, businessDate);
    case 'exchange.cancelled':
      return judgeExchangeCancelled(c, payload as ExchangeCancelledPayload, ledger);
    case 'cash_session.opened': {
      const p = payload as CashSessionOpenedPayload;
      const openedBy = ledger.session(p.sessionId)?.openMovementId;
      if (openedBy && openedBy !== c.id)
        return quarantine(
          'invalid_payload',
          `Cash session ${p.sessionId} was already opened by movement ${openedBy}.`,
        );
      return accept([], () => ledger.openSession(c, p));
    }
    case 'cash_session.movement': {
      const p = payload as CashSessionMovementPayload;
      const reason = catalog.reasons.get(p.reasonCode);
      if (!reason)
        return quarantine(
          'unknown_reason',
          `Financial reason ${p.reasonCode} is not registered; register it or fix the code.`,
        );
      if (reason.kind !== p.kind) {
        return quarantine(
          'invalid_payload',
          `Financial reason ${p.reasonCode} is for a ${reason.kind}, but this cash movement is a ${p.kind}.`,
        );
      }
      return accept([], () => ledger.recordCashMovement(c, p, businessDate));
    }
    case 'cash_session.closed': {
      const p = payload as CashSessionClosedPayload;
      const closedBy = ledger.session(p.sessionId)?.closeMovementId;
      if (closedBy && closedBy !== c.id)
        return quarantine(
          'invalid_payload',
          `Cash session ${p.sessionId} was already closed by movement ${closedBy}.`,
        );
      for (const d of p.declared) {
        if (!catalog.paymentTypes.has(d.paymentTypeCode)) {
          return quarantine(
            'unknown_payment_type',
            `The close declares payment type ${d.paymentTypeCode}, which is not registered.`,
          );
        }
      }
      return accept([], () => ledger.closeSession(c, p));
    }
  }
}

function accept(notes: MovementNote[], book: () => void): Acceptance {
  return { status: 'accepted', notes, book };
}

/** Supervisor codes a payload names besides the envelope's operator. */
function authorizers(payload: object): string[] {
  const out: string[] = [];
  if ('authorizedBy' in payload && typeof payload.authorizedBy === 'string') out.push(payload.authorizedBy);
  if ('discountAuthorizedBy' in payload && typeof payload.discountAuthorizedBy === 'string')
    out.push(payload.discountAuthorizedBy);
  return out;
}

function judgeSaleCancelled(c: Candidate, p: SaleCancelledPayload, ledger: IngestLedger): Judgement {
  const sale = ledger.sale(p.saleId);
  if (!sale) {
    return {
      status: 'pending_reference',
      waitingFor: saleKey(p.saleId),
      detail: `Waiting for sale ${p.saleId}: it has not arrived (or is not booked) yet.`,
    };
  }
  if (sale.cancelled && sale.cancelMovementId !== c.id) {
    return quarantine(
      'invalid_payload',
      `Sale ${p.saleId} was already cancelled by movement ${sale.cancelMovementId ?? ''}.`,
    );
  }
  return accept([], () => ledger.cancelSale(c, sale));
}

function judgeExchange(
  c: Candidate,
  p: ExchangeCompletedPayload,
  catalog: IngestCatalog,
  ledger: IngestLedger,
  businessDate: string,
): Judgement {
  const booked = ledger.exchange(p.exchangeId);
  if (booked && booked.movementId !== c.id) {
    return quarantine(
      'invalid_payload',
      `Exchange ${p.exchangeId} was already booked by movement ${booked.movementId}.`,
    );
  }
  for (const [i, item] of p.items.entries()) {
    if (!catalog.sku(item.skuCode)) {
      return quarantine(
        'unknown_sku',
        `Item ${i + 1}: SKU ${item.skuCode} is not registered; register it or fix the code.`,
      );
    }
  }
  const totalCents = p.items.reduce((a, item) => a + item.quantity * item.unitPriceCents, 0);
  if (p.settlement === 'voucher') {
    if (!p.voucher)
      return quarantine('invalid_payload', 'An exchange settled by voucher must carry the voucher.');
    if (p.voucher.amountCents !== totalCents) {
      return quarantine(
        'totals_mismatch',
        `Voucher ${p.voucher.code} is worth ${formatCents(p.voucher.amountCents)}, but the returned items add up to ${formatCents(totalCents)}.`,
      );
    }
    const existing = ledger.voucher(c.origin.storeCode, p.voucher.code);
    if (existing && existing.exchangeId !== p.exchangeId) {
      return quarantine(
        'invalid_payload',
        `Voucher code ${p.voucher.code} was already issued in store ${c.origin.storeCode} by exchange ${existing.exchangeId}.`,
      );
    }
  } else {
    const code = p.refundPaymentTypeCode;
    if (code === undefined || p.voucher)
      return quarantine('invalid_payload', 'A refund names refundPaymentTypeCode and carries no voucher.');
    if (!catalog.paymentTypes.has(code))
      return quarantine('unknown_payment_type', `Refund payment type ${code} is not registered.`);
    const allowed = catalog.group(c.origin.groupCode)?.paymentTypeCodes ?? [];
    if (allowed.length > 0 && !allowed.includes(code)) {
      return quarantine(
        'payment_type_not_allowed',
        `Payment type ${code} is not accepted in station group ${c.origin.groupCode}.`,
      );
    }
  }
  if (p.originalSaleId !== undefined && !ledger.sale(p.originalSaleId)) {
    return {
      status: 'pending_reference',
      waitingFor: saleKey(p.originalSaleId),
      detail: `Waiting for sale ${p.originalSaleId}, which this exchange returns goods from: it has not arrived yet.`,
    };
  }
  return accept([], () => ledger.bookExchange(c, p, totalCents, businessDate));
}

function judgeExchangeCancelled(c: Candidate, p: ExchangeCancelledPayload, ledger: IngestLedger): Judgement {
  const exchange = ledger.exchange(p.exchangeId);
  if (!exchange) {
    return {
      status: 'pending_reference',
      waitingFor: exchangeKey(p.exchangeId),
      detail: `Waiting for exchange ${p.exchangeId}: it has not arrived (or is not booked) yet.`,
    };
  }
  if (exchange.cancelled && exchange.cancelMovementId !== c.id) {
    return quarantine(
      'invalid_payload',
      `Exchange ${p.exchangeId} was already cancelled by movement ${exchange.cancelMovementId ?? ''}.`,
    );
  }
  const voucher =
    exchange.voucherCode === null ? undefined : ledger.voucher(exchange.storeCode, exchange.voucherCode);
  if (voucher && voucher.balanceCents < voucher.amountCents) {
    return quarantine(
      'voucher_overdrawn',
      `Exchange ${p.exchangeId} cannot be undone: its voucher ${voucher.code} was already used ` +
        `(${formatCents(voucher.amountCents - voucher.balanceCents)} of ${formatCents(voucher.amountCents)} spent). ` +
        'Settle it with the customer, then resolve this error.',
    );
  }
  return accept([], () => ledger.cancelExchange(c, exchange));
}

/**
 * A station audit event joins its station's chain as the station hashed it. The hash must match
 * the event's content (else `invalid_payload`); the link to the previous event is not checked
 * here: `GET /audit/verify` reports a broken link, so a gap stays visible. The operator code is
 * recorded as given, not checked: stations log events with no operator signed in.
 */
function judgeAuditEvent(c: Candidate, p: AuditEventPayload, ledger: IngestLedger): Judgement {
  const expected = stationAuditHash(p.prevHash, {
    stationCode: c.origin.stationCode,
    incarnation: c.incarnation,
    occurredAt: c.occurredAt,
    operatorCode: c.operatorCode,
    action: p.action,
    details: p.details,
  });
  if (expected !== p.hash) {
    return quarantine(
      'invalid_payload',
      'The audit event hash does not match its content: the event was changed after the station hashed it.',
    );
  }
  return accept([], () =>
    ledger.plan.stationAudit.push({
      chain: stationAuditChain(c.origin.stationCode, c.incarnation),
      stationId: c.origin.stationId,
      at: c.occurredAt,
      actor: c.operatorCode,
      action: p.action,
      details: p.details ?? null,
      prevHash: p.prevHash,
      hash: p.hash,
    }),
  );
}
