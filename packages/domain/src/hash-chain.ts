import { canonicalJson, sha256Hex } from './canonical';

/**
 * Tamper-evident hash chain (SPEC §10), used for the admin audit and for each station's events.
 *
 *   entry 1            entry 2            entry 3
 *   prevHash = GENESIS prevHash = h1      prevHash = h2
 *   h1 = H(GENESIS|c1) h2 = H(h1|c2)      h3 = H(h2|c3)      c = canonical JSON of the entry's content
 *
 * Editing any entry changes its hash, so the next entry's `prevHash` no longer matches; deleting one
 * breaks the link too. `verifyChain` names the first entry where the chain no longer holds.
 */
export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, content: unknown): string {
  return sha256Hex(`${prevHash}|${canonicalJson(content)}`);
}

export interface ChainLink<C> {
  seq: number;
  prevHash: string;
  hash: string;
  content: C;
}

export type ChainCheck =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenSeq: number; reason: string };

/**
 * Checks links in ascending `seq` order. `expectedPrev` and `expectedSeq` let a caller verify a
 * chain in pages, carrying the last hash and seq across calls.
 */
export function verifyChain<C>(
  links: Iterable<ChainLink<C>>,
  expectedPrev: string = GENESIS_HASH,
  expectedSeq = 1,
): ChainCheck {
  let prev = expectedPrev;
  let seq = expectedSeq;
  let checked = 0;
  for (const link of links) {
    if (link.seq !== seq) {
      return {
        ok: false,
        checked,
        brokenSeq: seq,
        reason: `entry ${seq} is missing (found ${link.seq} next)`,
      };
    }
    if (link.prevHash !== prev) {
      return {
        ok: false,
        checked,
        brokenSeq: link.seq,
        reason: 'prevHash does not match the previous entry',
      };
    }
    if (chainHash(link.prevHash, link.content) !== link.hash) {
      return {
        ok: false,
        checked,
        brokenSeq: link.seq,
        reason: 'the entry was changed after it was written',
      };
    }
    prev = link.hash;
    seq += 1;
    checked += 1;
  }
  return { ok: true, checked, lastHash: prev };
}
