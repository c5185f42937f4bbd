import { promotionKinds, type PromotionKind } from './types';
import { parseDateTime, wallClockAsUtcMs } from './zoned-time';

/**
 * A promotion's parameters as the admin API holds them before saving: a create body, or a stored
 * promotion with a PATCH merged in (`null` = cleared). `kind` is a plain string so that an
 * unknown kind is reported rather than assumed away.
 */
export interface PromotionDraft {
  kind: string;
  percentBp?: number | null | undefined;
  priceCents?: number | null | undefined;
  buyQuantity?: number | null | undefined;
  payQuantity?: number | null | undefined;
  tiers?: readonly { minQuantity: number; percentBp: number }[] | null | undefined;
  startsAt?: string | null | undefined;
  endsAt?: string | null | undefined;
  priority?: number | null | undefined;
}

/** One field-level problem, as the `errors[]` of a `validation_failed` answer. */
export interface PromotionProblem {
  /** `payQuantity`, `tiers[2].minQuantity`, … */
  path: string;
  /** Plain English for a back-office operator: what is wrong and what to do. */
  message: string;
}

type Parameter = 'percentBp' | 'priceCents' | 'buyQuantity' | 'payQuantity' | 'tiers';

const parametersOf: Record<PromotionKind, readonly Parameter[]> = {
  percent_off: ['percentBp'],
  fixed_price: ['priceCents'],
  buy_x_pay_y: ['buyQuantity', 'payQuantity'],
  progressive: ['tiers'],
};

const kindLabel: Record<PromotionKind, string> = {
  percent_off: 'percent-off',
  fixed_price: 'fixed-price',
  buy_x_pay_y: '"buy X, pay Y"',
  progressive: 'progressive',
};

const needs: Record<Parameter, string> = {
  percentBp: 'percentBp, the percentage off in basis points (1000 = 10%)',
  priceCents: 'priceCents, the price each unit is sold at, in cents',
  buyQuantity: 'buyQuantity, how many units the customer takes',
  payQuantity: 'payQuantity, how many of them the customer pays for',
  tiers: 'tiers, each with a minimum quantity and a percentage',
};

const TIME_EXAMPLE =
  'Use a date and time such as 2026-12-01T00:00 (read in each store’s own time) or ' +
  '2026-12-01T00:00-03:00 (one exact moment for every store).';

/**
 * Checks that a promotion's parameters agree with its kind and with each other (SPEC §5.1).
 * Returns every problem found, in a stable order; an empty list means the promotion is valid.
 * Never throws. The pricing engine ignores a promotion this function would refuse.
 */
export function validatePromotion(p: PromotionDraft): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  const kind = (promotionKinds as readonly string[]).includes(p.kind) ? (p.kind as PromotionKind) : null;
  if (kind === null) {
    problems.push({
      path: 'kind',
      message: `"${p.kind}" is not a promotion kind; choose percent_off, fixed_price, buy_x_pay_y or progressive.`,
    });
  } else {
    checkParameters(p, kind, problems);
  }
  if (isSet(p.priority) && !Number.isSafeInteger(p.priority)) {
    problems.push({ path: 'priority', message: 'Priority must be a whole number (higher wins).' });
  }
  checkValidity(p, problems);
  return problems;
}

function checkParameters(p: PromotionDraft, kind: PromotionKind, problems: PromotionProblem[]): void {
  const own = parametersOf[kind];
  for (const parameter of Object.keys(needs) as Parameter[]) {
    const present = isSet(p[parameter]);
    if (own.includes(parameter) && !present) {
      problems.push({
        path: parameter,
        message: `A ${kindLabel[kind]} promotion needs ${needs[parameter]}.`,
      });
    } else if (!own.includes(parameter) && present) {
      problems.push({
        path: parameter,
        message: `A ${kindLabel[kind]} promotion does not use ${parameter}; remove it.`,
      });
    }
  }
  if (kind === 'percent_off' && isSet(p.percentBp)) checkPercent(p.percentBp, 'percentBp', problems);
  if (kind === 'fixed_price' && isSet(p.priceCents)) checkPrice(p.priceCents, problems);
  if (kind === 'buy_x_pay_y') checkBuyPay(p, problems);
  if (kind === 'progressive' && isSet(p.tiers)) checkTiers(p.tiers, problems);
}

function checkPercent(bp: number, path: string, problems: PromotionProblem[]): void {
  if (!Number.isSafeInteger(bp)) {
    problems.push({ path, message: 'The percentage must be a whole number of basis points (1250 = 12.5%).' });
  } else if (bp < 0) {
    problems.push({ path, message: 'The percentage cannot be negative.' });
  } else if (bp > 10_000) {
    problems.push({ path, message: 'The percentage cannot be more than 100% (10000 basis points).' });
  }
}

function checkPrice(priceCents: number, problems: PromotionProblem[]): void {
  if (!Number.isSafeInteger(priceCents)) {
    problems.push({
      path: 'priceCents',
      message: 'The price must be a whole number of cents (R$ 19.90 = 1990).',
    });
  } else if (priceCents < 0) {
    problems.push({ path: 'priceCents', message: 'The price cannot be below zero.' });
  }
}

function checkBuyPay(p: PromotionDraft, problems: PromotionProblem[]): void {
  const { buyQuantity: buy, payQuantity: pay } = p;
  const buyOk = isSet(buy) && Number.isSafeInteger(buy) && buy >= 1;
  const payOk = isSet(pay) && Number.isSafeInteger(pay) && pay >= 0;
  if (isSet(buy) && !buyOk) {
    problems.push({
      path: 'buyQuantity',
      message: 'The customer must take a whole number of units, at least 1.',
    });
  }
  if (isSet(pay) && !payOk) {
    problems.push({ path: 'payQuantity', message: 'The units paid for must be a whole number, 0 or more.' });
  }
  if (buyOk && payOk && pay >= buy) {
    problems.push({
      path: 'payQuantity',
      message: `The customer must pay for fewer units than they take: payQuantity (${pay}) must be less than buyQuantity (${buy}).`,
    });
  }
}

function checkTiers(
  tiers: readonly { minQuantity: number; percentBp: number }[],
  problems: PromotionProblem[],
) {
  if (tiers.length === 0) {
    problems.push({ path: 'tiers', message: 'A progressive promotion needs at least one tier.' });
  }
  let previous: number | null = null;
  tiers.forEach((tier, i) => {
    const path = `tiers[${i}]`;
    if (!Number.isSafeInteger(tier.minQuantity) || tier.minQuantity < 1) {
      problems.push({
        path: `${path}.minQuantity`,
        message: 'A tier starts at a whole number of units, at least 1.',
      });
    } else {
      if (previous !== null && tier.minQuantity <= previous) {
        problems.push({
          path: `${path}.minQuantity`,
          message: `Tiers must go up: this tier starts at ${tier.minQuantity} units, but the tier before it starts at ${previous}.`,
        });
      }
      previous = tier.minQuantity;
    }
    checkPercent(tier.percentBp, `${path}.percentBp`, problems);
  });
}

function checkValidity(p: PromotionDraft, problems: PromotionProblem[]): void {
  const starts = isSet(p.startsAt) ? parseDateTime(p.startsAt) : null;
  const ends = isSet(p.endsAt) ? parseDateTime(p.endsAt) : null;
  if (isSet(p.startsAt) && starts === null) problems.push({ path: 'startsAt', message: TIME_EXAMPLE });
  if (isSet(p.endsAt) && ends === null) problems.push({ path: 'endsAt', message: TIME_EXAMPLE });
  if (starts === null || ends === null) return;
  // Two store times or two instants compare as they are; a store time against an instant is read
  // in UTC, since without a store there is no timezone to read it in.
  const startMs = wallClockAsUtcMs(starts) - (starts.offsetMinutes ?? 0) * 60_000;
  const endMs = wallClockAsUtcMs(ends) - (ends.offsetMinutes ?? 0) * 60_000;
  if (endMs <= startMs) {
    problems.push({
      path: 'endsAt',
      message: 'The promotion must end after it starts (endsAt is the first moment it no longer applies).',
    });
  }
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
