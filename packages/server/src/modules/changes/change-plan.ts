import type { SyncEntity } from '@storelink/contracts';

export type ScopeKind = 'global' | 'store' | 'group' | 'station' | 'priceList';

/** Who may see a record: everyone, or the stations of one store, group or price list, or one station. */
export interface Scope {
  kind: ScopeKind;
  key: string;
}

export const GLOBAL: Scope = { kind: 'global', key: '' };

/** A record as the stations see it, with where it is visible. */
export interface Visible {
  data: unknown;
  scopes: Scope[];
  active: boolean;
}

export interface ChangeInput {
  entity: SyncEntity;
  key: string;
  before: Visible | null;
  after: Visible | null;
}

export interface PlannedChange {
  entity: SyncEntity;
  key: string;
  op: 'upsert' | 'delete';
  scope: Scope;
  data: unknown;
}

/** Scopes of a record restricted to some stores (sellers, operators): empty means all. */
export function storeScopes(storeCodes: readonly string[]): Scope[] {
  return storeCodes.length === 0 ? [GLOBAL] : storeCodes.map((key) => ({ kind: 'store', key }));
}

/** Scopes of a record restricted to some groups (promotions): empty means all. */
export function groupScopes(groupCodes: readonly string[]): Scope[] {
  return groupCodes.length === 0 ? [GLOBAL] : groupCodes.map((key) => ({ kind: 'group', key }));
}

const scopeId = (s: Scope) => `${s.kind}:${s.key}`;

/**
 * Turns one write into the changes stations must apply (SPEC §12.1, "Deactivation downstream"):
 *
 *   before scopes  {A, B}        after scopes {B, C}, active
 *   → delete in A (it left A)    → upsert in B and C
 *
 * A deactivated record is a delete wherever it was or is visible; a reactivated one is an upsert.
 * Deletes come first, so a station in both an old and a new scope ends with the upsert.
 * A write that stations cannot see (inactive before and after) yields nothing.
 */
export function planChanges(change: ChangeInput): PlannedChange[] {
  const wasVisible = change.before?.active === true;
  const isVisible = change.after?.active === true;
  if (!wasVisible && !isVisible) return [];
  const afterScopes = isVisible && change.after ? change.after.scopes : [];
  const afterIds = new Set(afterScopes.map(scopeId));
  const deletes: PlannedChange[] = [];
  const seen = new Set<string>();
  const candidates = [...(change.before?.scopes ?? []), ...(change.after?.scopes ?? [])];
  for (const scope of candidates) {
    const id = scopeId(scope);
    if (afterIds.has(id) || seen.has(id)) continue;
    seen.add(id);
    deletes.push({ entity: change.entity, key: change.key, op: 'delete', scope, data: null });
  }
  const upserts = afterScopes.map((scope): PlannedChange => ({
    entity: change.entity,
    key: change.key,
    op: 'upsert',
    scope,
    data: change.after?.data,
  }));
  return [...deletes, ...upserts];
}
