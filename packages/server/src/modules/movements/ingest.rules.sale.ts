import type { MovementNote, SaleCompletedPayload } from '@storelink/contracts';
import { formatCents, settlePayments } from '@storelink/domain';
import type { IngestCatalog } from './ingest.catalog';
import type { IngestLedger } from './ingest.ledger';
import type { BookedPayment } from './ingest.projection';
import { findPriceDivergence } from './repricing';
import { quarantine, voucherKey, type Candidate, type Pending, type Quarantine } from './ingest.types';

export interface SaleJudgement {
  status: 'accepted';
  notes: MovementNote[];
  payments: BookedPayment[];
}

/**
 * Judges a `sale.completed` (SPEC §12.2 "Ingest validation"), first failure wins:
 *
 *   1. the sale id is not booked yet (a second sale with the same id is `invalid_payload`);
 *   2. seller and SKUs exist, inactive ones included (`unknown_seller`, `unknown_sku`);
 *   3. arithmetic: each line is quantity × unit price − discount, and the sale's subtotal,
 *      discount and total add the lines up (`totals_mismatch`);
 *   4. payments, by the domain's `settlePayments` (the station's own check): type registered and
 *      allowed for the station's group, condition offered for the type, payments covering the
 *      total, change only on types that give change, and the payload's change, surcharge and
 *      installments equal to what settlement computes (`totals_mismatch` otherwise);
 *   5. vouchers spent: issued in this store (else `pending_reference`: the issuing exchange has
 *      not arrived), not cancelled and with enough balance (`voucher_overdrawn`).
 *
 * Then re-prices the sale for a `price_divergence` note (repricing.ts).
 */
export function judgeSale(
  c: Candidate,
  p: SaleCompletedPayload,
  catalog: IngestCatalog,
  ledger: IngestLedger,
  businessDate: string,
): SaleJudgement | Quarantine | Pending {
  const booked = ledger.sale(p.saleId);
  if (booked && booked.movementId !== c.id) {
    return quarantine(
      'invalid_payload',
      `Sale ${p.saleId} was already booked by movement ${booked.movementId}; a sale id can be booked once.`,
    );
  }
  if (!catalog.hasSeller(p.sellerCode))
    return quarantine(
      'unknown_seller',
      `Seller ${p.sellerCode} is not registered; register it or fix the code.`,
    );
  for (const item of p.items) {
    if (!catalog.sku(item.skuCode)) {
      return quarantine(
        'unknown_sku',
        `Line ${item.lineNo}: SKU ${item.skuCode} is not registered; register it or fix the code.`,
      );
    }
  }
  const arithmetic = checkArithmetic(p);
  if (arithmetic) return arithmetic;

  const group = catalog.group(c.origin.groupCode);
  const settled = settlePayments({
    totalCents: p.totalCents,
    payments: p.payments.map((pay) => ({
      paymentTypeCode: pay.paymentTypeCode,
      conditionCode: pay.conditionCode,
      amountCents: pay.amountCents + (pay.changeCents ?? 0),
      voucherCode: pay.voucherCode,
    })),
    paymentTypes: catalog.paymentTypes,
    conditions: catalog.conditions,
    allowedPaymentTypeCodes: group?.paymentTypeCodes ?? [],
    saleDate: businessDate,
  });
  if (!settled.ok) {
    const code =
      settled.code === 'payments_insufficient' || settled.code === 'change_not_allowed'
        ? 'totals_mismatch'
        : settled.code;
    return quarantine(code, settled.detail);
  }

  const payments: BookedPayment[] = [];
  for (const [i, pay] of p.payments.entries()) {
    const s = settled.payments[i];
    if (!s) return quarantine('totals_mismatch', 'The payments could not be settled.');
    const at = `Payment ${i + 1} (${pay.paymentTypeCode})`;
    if (s.amountCents !== pay.amountCents || (s.changeCents ?? 0) !== (pay.changeCents ?? 0)) {
      return quarantine(
        'totals_mismatch',
        `${at} covers ${formatCents(pay.amountCents)} with ${formatCents(pay.changeCents ?? 0)} change; ` +
          `settling the payments gives ${formatCents(s.amountCents)} with ${formatCents(s.changeCents ?? 0)} change.`,
      );
    }
    if (pay.surchargeCents !== undefined && pay.surchargeCents !== (s.surchargeCents ?? 0)) {
      return quarantine(
        'totals_mismatch',
        `${at} has a surcharge of ${formatCents(pay.surchargeCents)}; its condition gives ${formatCents(s.surchargeCents ?? 0)}.`,
      );
    }
    if (pay.installments !== undefined) {
      if (s.installments === undefined)
        return quarantine('totals_mismatch', `${at} has installments but no payment condition.`);
      if (JSON.stringify(pay.installments) !== JSON.stringify(s.installments)) {
        return quarantine(
          'totals_mismatch',
          `${at}: the installments do not match condition ${pay.conditionCode ?? ''} ` +
            `(${s.installments.map((x) => `${x.n}: ${x.dueDate} ${formatCents(x.amountCents)}`).join('; ')}).`,
        );
      }
    }
    payments.push({
      paymentTypeCode: pay.paymentTypeCode,
      conditionCode: pay.conditionCode,
      amountCents: pay.amountCents,
      surchargeCents: s.surchargeCents,
      changeCents: s.changeCents,
      voucherCode: pay.voucherCode,
      installments: s.installments ?? pay.installments,
      authorization: pay.authorization,
    });
  }

  const spent = new Map<string, number>();
  for (const pay of payments) {
    if (pay.voucherCode !== undefined)
      spent.set(pay.voucherCode, (spent.get(pay.voucherCode) ?? 0) + pay.amountCents);
  }
  for (const [code, amount] of spent) {
    const voucher = ledger.voucher(c.origin.storeCode, code);
    if (!voucher) {
      return {
        status: 'pending_reference',
        waitingFor: voucherKey(c.origin.storeCode, code),
        detail: `Waiting for voucher ${code}: the exchange that issued it has not arrived yet.`,
      };
    }
    if (voucher.status === 'cancelled') {
      return quarantine(
        'voucher_overdrawn',
        `Voucher ${code} was cancelled (its exchange ${voucher.exchangeId} was undone) before this sale spent ${formatCents(amount)} of it.`,
      );
    }
    if (amount > voucher.balanceCents) {
      return quarantine(
        'voucher_overdrawn',
        `Voucher ${code} has ${formatCents(voucher.balanceCents)} left of ${formatCents(voucher.amountCents)}, ` +
          `but this sale spends ${formatCents(amount)}: it was probably used twice while stations were offline.`,
      );
    }
  }

  const notes: MovementNote[] = [];
  const divergence = findPriceDivergence({
    payload: p,
    groupCode: c.origin.groupCode,
    timezone: catalog.timezone(c.origin.storeCode),
    occurredAt: c.occurredAt,
    catalog,
  });
  if (divergence) notes.push(divergence);
  return { status: 'accepted', notes, payments };
}

function checkArithmetic(p: SaleCompletedPayload): Quarantine | null {
  const lineNos = new Set<number>();
  let subtotal = 0;
  let discount = 0;
  let total = 0;
  for (const item of p.items) {
    if (lineNos.has(item.lineNo))
      return quarantine('invalid_payload', `Line number ${item.lineNo} appears twice in the sale.`);
    lineNos.add(item.lineNo);
    const gross = item.quantity * item.unitPriceCents;
    if (
      item.discountCents > gross ||
      (item.manualDiscountCents ?? 0) > item.discountCents ||
      item.totalCents !== gross - item.discountCents
    ) {
      return quarantine(
        'totals_mismatch',
        `Line ${item.lineNo}: ${item.quantity} × ${formatCents(item.unitPriceCents)} − ${formatCents(item.discountCents)} ` +
          `discount is ${formatCents(gross - item.discountCents)}, not ${formatCents(item.totalCents)}.`,
      );
    }
    subtotal += gross;
    discount += item.discountCents;
    total += item.totalCents;
  }
  if (p.subtotalCents !== subtotal || p.discountCents !== discount || p.totalCents !== total) {
    return quarantine(
      'totals_mismatch',
      `The lines add up to subtotal ${formatCents(subtotal)}, discount ${formatCents(discount)} and total ` +
        `${formatCents(total)}; the sale says ${formatCents(p.subtotalCents)}, ${formatCents(p.discountCents)} ` +
        `and ${formatCents(p.totalCents)}.`,
    );
  }
  return null;
}
