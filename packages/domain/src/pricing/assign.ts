/**
 * Promotion stacking: which promotion prices which units (SPEC §5.1). At most one promotion
 * prices a unit; different lines, and different units of one line, may carry different ones.
 *
 *   applicable promotions (active, in group, in validity, payment restriction met)
 *        │
 *        ▼
 *   1. EXCLUSIVE PASS ── per line: the exclusive promotions that target it; the highest priority
 *        │               takes the whole line (tie: lower code), and nothing else may price it.
 *        │               Each exclusive promotion is then evaluated over the lines it took only.
 *        │
 *        │     line 1 ──┐
 *        │     line 4 ──┴──▶ EXCL-A          line 2, 3, 5 ──▶ free pool
 *        ▼
 *   2. GREEDY PASS over the units still free
 *        ┌──────────────────────────────────────────────────────────────┐
 *        │ offers:  per-unit kind × line  (best one per line, all free  │
 *        │                                 units of the line)           │
 *        │          cross-line kind        (evaluated over the free     │◀──┐
 *        │                                 units it targets)            │   │ re-evaluate
 *        └──────────────────────────┬───────────────────────────────────┘   │ cross-line
 *                                   ▼                                       │ offers on what
 *          take the best offer: discount per unit held ↓, priority ↓,       │ is still free
 *          code ↑, lowest lineNo ↑;  its units leave the pool  ─────────────┘
 *        stop when no offer gives any discount
 *
 * "Best for the customer" is judged per unit, as the SPEC's "lowest price wins": a "buy 3 pay 2"
 * holding three units and freeing one worth R$ 30.00 gives R$ 10.00 per unit, and loses the units
 * it shares with a 20 %-off worth more than R$ 10.00 per unit. It is a greedy rule, not a search
 * for the largest cart discount. Every comparison ends in a unique key (code, lineNo), so the
 * outcome does not depend on the order of lines or promotions in the input.
 */

import { targetsLine } from './eligibility';
import {
  evaluatePromotion,
  isCrossLineKind,
  measurePromotion,
  sortPool,
  unitDiscountCents,
  type PoolLine,
} from './kinds';
import type { CartLine, LineAllocation, PromotionAllocation, PromotionRule } from './types';

/** The fields of a cart line that assignment reads. */
export type AssignableLine = Pick<
  CartLine,
  'lineNo' | 'skuCode' | 'productCode' | 'category' | 'quantity' | 'unitPriceCents'
>;

/** A candidate for the next commitment: `discountCents` over `units` held. */
interface Offer {
  promotion: PromotionRule;
  units: number;
  discountCents: number;
  /** The lines it would price from: the one line of a per-unit offer, or every line targeted. */
  targets: readonly AssignableLine[];
}

/**
 * Decides which promotion prices which units, following the header's two passes. `promotions`
 * must already be the applicable ones (see `isPromotionApplicable`), with unique codes; `lines`
 * must have unique `lineNo`s. Returns one allocation per promotion that holds any unit, by code,
 * each with its lines by `lineNo`. Per line, the units of all allocations add up to at most its
 * quantity, and the discounts to at most its value.
 */
export function assignPromotions(
  lines: readonly AssignableLine[],
  promotions: readonly PromotionRule[],
): PromotionAllocation[] {
  const sortedLines = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  const sortedPromotions = [...promotions].sort((a, b) => compareCodes(a.code, b.code));
  const free = new Map<number, number>();
  const results = new Map<string, PromotionAllocation>();

  // 1. Exclusive pass.
  const exclusives = sortedPromotions.filter((p) => p.exclusive);
  const taken = new Map<PromotionRule, AssignableLine[]>();
  for (const line of sortedLines) {
    const winner = pickExclusive(exclusives.filter((p) => targetsLine(p.target, line)));
    if (winner === null) {
      free.set(line.lineNo, line.quantity);
    } else {
      taken.set(winner, [...(taken.get(winner) ?? []), line]);
    }
  }
  for (const [promotion, held] of taken) {
    const allocation = evaluatePromotion(
      promotion,
      held.map((l) => toPool(l, l.quantity)),
    );
    if (allocation.lines.length > 0) results.set(promotion.code, allocation);
  }

  // 2. Greedy pass.
  const open = sortedPromotions.filter((p) => !p.exclusive);
  const bestPerLine = new Map<number, { promotion: PromotionRule; unitDiscountCents: number }>();
  for (const line of sortedLines) {
    if (!free.has(line.lineNo)) continue;
    for (const p of open) {
      if (isCrossLineKind(p.kind) || !targetsLine(p.target, line)) continue;
      const discount = unitDiscountCents(p, line.unitPriceCents);
      const current = bestPerLine.get(line.lineNo);
      if (
        discount > 0 &&
        (current === undefined ||
          discount > current.unitDiscountCents ||
          (discount === current.unitDiscountCents && ranksAbove(p, current.promotion)))
      ) {
        bestPerLine.set(line.lineNo, { promotion: p, unitDiscountCents: discount });
      }
    }
  }
  const crossLine = open
    .filter((p) => isCrossLineKind(p.kind))
    .map((p) => ({
      promotion: p,
      targets: sortPool(sortedLines.filter((l) => free.has(l.lineNo) && targetsLine(p.target, l))),
    }));
  const unitsOf = (lineNo: number) => free.get(lineNo) ?? 0;
  const spent = new Set<PromotionRule>();
  // A cross-line offer only changes when units of a line it targets leave the pool.
  const measured = new Map<PromotionRule, { units: number; discountCents: number }>();

  for (;;) {
    let best: Offer | null = null;
    for (const line of sortedLines) {
      const units = unitsOf(line.lineNo);
      const choice = bestPerLine.get(line.lineNo);
      if (units === 0 || choice === undefined) continue;
      const offer: Offer = {
        promotion: choice.promotion,
        units,
        discountCents: choice.unitDiscountCents * units,
        targets: [line],
      };
      if (best === null || isBetterOffer(offer, best)) best = offer;
    }
    for (const { promotion, targets } of crossLine) {
      if (spent.has(promotion)) continue;
      let measure = measured.get(promotion);
      if (measure === undefined) {
        measure = measurePromotion(promotion, targets, unitsOf);
        measured.set(promotion, measure);
      }
      if (measure.discountCents === 0) continue;
      const offer: Offer = { promotion, ...measure, targets };
      if (best === null || isBetterOffer(offer, best)) best = offer;
    }
    if (best === null) break;

    const winner = best.promotion;
    const allocation = evaluatePromotion(
      winner,
      best.targets.map((l) => toPool(l, unitsOf(l.lineNo))),
    );
    for (const l of allocation.lines) free.set(l.lineNo, unitsOf(l.lineNo) - l.units);
    if (isCrossLineKind(winner.kind)) spent.add(winner);
    const changed = new Set(allocation.lines.map((l) => l.lineNo));
    for (const { promotion, targets } of crossLine) {
      if (targets.some((l) => changed.has(l.lineNo))) measured.delete(promotion);
    }
    results.set(winner.code, merge(results.get(winner.code), allocation));
  }

  return [...results.values()].sort((a, b) => compareCodes(a.code, b.code));
}

/** Higher priority first, then the lower code (code order is by UTF-16 code units, locale-free). */
function ranksAbove(a: PromotionRule, b: PromotionRule): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return compareCodes(a.code, b.code) < 0;
}

function pickExclusive(candidates: readonly PromotionRule[]): PromotionRule | null {
  let winner: PromotionRule | null = null;
  for (const p of candidates) if (winner === null || ranksAbove(p, winner)) winner = p;
  return winner;
}

function isBetterOffer(a: Offer, b: Offer): boolean {
  // a.discount / a.units vs b.discount / b.units, cross-multiplied in BigInt to stay exact.
  const left = BigInt(a.discountCents) * BigInt(b.units);
  const right = BigInt(b.discountCents) * BigInt(a.units);
  if (left !== right) return left > right;
  if (a.promotion !== b.promotion) return ranksAbove(a.promotion, b.promotion);
  // Only per-unit offers of one promotion on different lines get here.
  return (a.targets[0]?.lineNo ?? 0) < (b.targets[0]?.lineNo ?? 0);
}

function merge(previous: PromotionAllocation | undefined, next: PromotionAllocation): PromotionAllocation {
  if (previous === undefined) return next;
  const lines: LineAllocation[] = [...previous.lines, ...next.lines].sort((a, b) => a.lineNo - b.lineNo);
  return {
    ...previous,
    units: previous.units + next.units,
    discountCents: previous.discountCents + next.discountCents,
    lines,
  };
}

function toPool(line: AssignableLine, units: number): PoolLine {
  return { lineNo: line.lineNo, unitPriceCents: line.unitPriceCents, units };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
