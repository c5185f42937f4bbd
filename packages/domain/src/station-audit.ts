import { chainHash } from './hash-chain';

/**
 * A station's own audit trail (SPEC §4.3 `audit.event`, issue 6). Each event is hash-chained to the
 * previous one of the same station database, continuing across restarts; a re-paired register
 * (new incarnation) starts a new chain. The station computes `hash`; the server recomputes it from
 * the movement to verify the chain, so both sides hash exactly this content.
 */
export interface StationAuditContent {
  stationCode: string;
  incarnation: number;
  occurredAt: string;
  operatorCode: string;
  action: string;
  details: unknown;
}

export function stationAuditHash(prevHash: string, content: StationAuditContent): string {
  return chainHash(prevHash, {
    stationCode: content.stationCode,
    incarnation: content.incarnation,
    occurredAt: content.occurredAt,
    operatorCode: content.operatorCode,
    action: content.action,
    details: content.details ?? null,
  });
}

/** The name of a station incarnation's chain in the server's audit log. */
export function stationAuditChain(stationCode: string, incarnation: number): string {
  return `station:${stationCode}:${incarnation}`;
}
