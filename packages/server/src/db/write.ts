import { sql } from 'kysely';
import type { Db, Flag, Tx } from './schema';
import type { Dialect } from './database';
import { appendAudit, type AuditInput } from '../modules/audit/audit.repository';
import { appendChanges } from '../modules/changes/change-log.repository';
import { planChanges, type ChangeInput, type PlannedChange } from '../modules/changes/change-plan';

/** Who performs a write: an admin user, a station, or the server itself. */
export interface Actor {
  kind: 'user' | 'station' | 'system';
  /** Username, station code, or `system`. */
  name: string;
  id?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', name: 'system' };

/** Called after a commit that wrote changes, with the newest cursor: wakes live streams. */
export type ChangeListener = (cursor: number) => void;

/** Called after a commit that queued commands for a station: delivers them to its live stream. */
export type CommandListener = (stationId: string) => void;

export interface WriteDeps {
  db: Db;
  dialect: Dialect;
  now: () => Date;
  onChanges: ChangeListener;
  onCommands?: CommandListener;
}

export const CHANGES_CHANNEL = 'storelink_changes';
/** NOTIFY payload: a station id whose pending commands should be pushed to its live stream. */
export const COMMANDS_CHANNEL = 'storelink_commands';

/**
 * One write transaction: the service's own statements, then its audit entries, then its change-log
 * rows. Everything commits together or not at all (SPEC §4.2: the change is appended in the same
 * transaction as the write). The change log goes last because its cursor lock serialises writers
 * until commit (see change-log.repository.ts).
 */
export class WriteContext {
  readonly at: string;
  private readonly changes: PlannedChange[] = [];
  private readonly audits: AuditInput[] = [];
  /** @internal Stations whose live stream must learn of new commands once this commits. */
  readonly stationsToWake = new Set<string>();

  constructor(
    readonly tx: Tx,
    readonly actor: Actor,
    now: Date,
  ) {
    this.at = now.toISOString();
  }

  /** Records what stations must learn about this write (nothing if they cannot see it). */
  recordChange(change: ChangeInput): void {
    this.changes.push(...planChanges(change));
  }

  /**
   * Wakes the station's live event stream after commit, on whichever server node holds it, so a
   * command queued in this transaction is pushed at once (otherwise it waits for the next hello).
   */
  wakeStation(stationId: string): void {
    this.stationsToWake.add(stationId);
  }

  /** Appends to the admin audit chain, unless given another chain. */
  audit(entry: Omit<AuditInput, 'chain' | 'at' | 'actor'> & { chain?: string }): void {
    this.audits.push({ chain: 'admin', at: this.at, actor: this.actor.name, ...entry });
  }

  /** @internal Flushes the audit and then the change log; returns the last cursor, if any. */
  async flush(dialect: Dialect): Promise<number | null> {
    for (const entry of this.audits) await appendAudit(this.tx, entry);
    const last = await appendChanges(this.tx, this.changes, this.at);
    if (last !== null && dialect === 'postgres') {
      // Delivered on commit to every node's listener, including this one.
      await sql`select pg_notify(${CHANGES_CHANNEL}, ${String(last)})`.execute(this.tx);
    }
    if (dialect === 'postgres') {
      for (const stationId of this.stationsToWake)
        await sql`select pg_notify(${COMMANDS_CHANNEL}, ${stationId})`.execute(this.tx);
    }
    return last;
  }
}

export async function runWrite<T>(
  deps: WriteDeps,
  actor: Actor,
  work: (w: WriteContext) => Promise<T>,
): Promise<T> {
  const { value, cursor, wake } = await deps.db.transaction().execute(async (tx) => {
    const context = new WriteContext(tx, actor, deps.now());
    const result = await work(context);
    return { value: result, cursor: await context.flush(deps.dialect), wake: context.stationsToWake };
  });
  if (deps.dialect === 'sqlite') {
    if (cursor !== null) deps.onChanges(cursor);
    for (const stationId of wake) deps.onCommands?.(stationId);
  }
  return value;
}

/**
 * DELETE of a master-data record (SPEC §12.1): `deactivate` writes `active: false` in one
 * transaction. Idempotent: a record that is already inactive is answered as it is, and nothing is
 * written, audited or sent to stations.
 */
export function deactivateOnce<R extends { active: Flag }, T>(
  deps: WriteDeps,
  actor: Actor,
  record: {
    /** Reads the record inside the transaction, or throws `not_found`. */
    load: (w: WriteContext) => Promise<R>;
    /** The record as answered. */
    toWire: (row: R) => T;
    /** Writes `active: false`, with its audit entry and change. */
    deactivate: (w: WriteContext, before: R) => Promise<T>;
  },
): Promise<T> {
  return runWrite(deps, actor, async (w) => {
    const before = await record.load(w);
    return before.active === 1 ? record.deactivate(w, before) : record.toWire(before);
  });
}
