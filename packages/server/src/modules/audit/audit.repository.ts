import { GENESIS_HASH, chainHash } from '@storelink/domain';
import type { Executor, Row } from '../../db/schema';
import { newId } from '../../db/ids';

export interface AuditInput {
  chain: string;
  at: string;
  actor: string;
  action: string;
  entity?: string | undefined;
  entityId?: string | undefined;
  stationId?: string | undefined;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

/** What the hash covers: every field of the entry except its id and hashes. */
export function auditContent(entry: {
  chain: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  stationId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}): Record<string, unknown> {
  return {
    chain: entry.chain,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    stationId: entry.stationId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    details: entry.details ?? null,
  };
}

/**
 * Appends one entry to a chain. The `UPDATE … RETURNING` on the chain's head row takes its row
 * lock until commit, so concurrent writers on PostgreSQL append one after the other and the
 * chain never forks; on SQLite writers are serialised anyway.
 */
export async function appendAudit(db: Executor, input: AuditInput): Promise<Row<'auditLog'>> {
  await db
    .insertInto('auditHeads')
    .values({ chain: input.chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = await db
    .updateTable('auditHeads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('chain', '=', input.chain)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    chain: input.chain,
    seq: Number(head.seq),
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity ?? null,
    entityId: input.entityId ?? null,
    stationId: input.stationId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    details: input.details ?? null,
  };
  const hash = chainHash(head.hash, auditContent(row));
  const stored: Row<'auditLog'> = {
    id: newId(),
    ...row,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
    details: row.details === null ? null : JSON.stringify(row.details),
    prevHash: head.hash,
    hash,
  };
  await db.insertInto('auditLog').values(stored).execute();
  await db.updateTable('auditHeads').set({ hash }).where('chain', '=', input.chain).execute();
  return stored;
}
