import { GENESIS_HASH } from '@storelink/domain';
import { newId } from '../../db/ids';
import type { Executor, Row } from '../../db/schema';
import type { StationAuditEntry } from './ingest.plan';
import { insertRows } from './projections.repository';

/**
 * Appends station audit events to their chains (`station:<code>:<incarnation>`), keeping the
 * station's own `prevHash` and `hash`: the server only numbers them (seq 1..n per chain, through
 * `audit_heads`, whose row lock serialises appenders as for the admin chain) and records the last
 * hash as the chain's head. One chain costs four statements per batch, whatever its length.
 */
export async function appendStationAudit(db: Executor, entries: readonly StationAuditEntry[]): Promise<void> {
  const byChain = new Map<string, StationAuditEntry[]>();
  for (const e of entries) byChain.set(e.chain, [...(byChain.get(e.chain) ?? []), e]);
  for (const [chain, list] of byChain) {
    await db
      .insertInto('auditHeads')
      .values({ chain, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('chain').doNothing())
      .execute();
    const head = await db
      .updateTable('auditHeads')
      .set((eb) => ({ seq: eb('seq', '+', list.length) }))
      .where('chain', '=', chain)
      .returning('seq')
      .executeTakeFirstOrThrow();
    const first = Number(head.seq) - list.length + 1;
    const rows = list.map((e, i): Row<'auditLog'> => ({
      id: newId(),
      chain,
      seq: first + i,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: null,
      entityId: null,
      stationId: e.stationId,
      before: null,
      after: null,
      details: e.details === null || e.details === undefined ? null : JSON.stringify(e.details),
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    await insertRows(db, 'auditLog', rows);
    const last = list[list.length - 1] as StationAuditEntry;
    await db.updateTable('auditHeads').set({ hash: last.hash }).where('chain', '=', chain).execute();
  }
}
