import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, verifyChain, type ChainLink } from './hash-chain';
import { hashPayload } from './canonical';

function buildChain(contents: unknown[]): ChainLink<unknown>[] {
  const links: ChainLink<unknown>[] = [];
  let prev = GENESIS_HASH;
  contents.forEach((content, i) => {
    const hash = chainHash(prev, content);
    links.push({ seq: i + 1, prevHash: prev, hash, content });
    prev = hash;
  });
  return links;
}

describe('hash chain', () => {
  it('verifies an untouched chain', () => {
    const check = verifyChain(buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]));
    expect(check).toMatchObject({ ok: true, checked: 3 });
  });

  it('names the entry whose content was edited', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    links[1] = { ...links[1]!, content: { b: 999 } };
    expect(verifyChain(links)).toMatchObject({ ok: false, brokenSeq: 2, checked: 1 });
  });

  it('names the gap when an entry is deleted', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    links.splice(1, 1);
    expect(verifyChain(links)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('detects a rewritten hash through the next link', () => {
    const links = buildChain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const forged = { b: 3 };
    links[1] = { ...links[1]!, content: forged, hash: chainHash(links[1]!.prevHash, forged) };
    expect(verifyChain(links)).toMatchObject({ ok: false, brokenSeq: 3 });
  });
});

describe('hashPayload', () => {
  it('does not depend on key order (RFC 8785)', () => {
    expect(hashPayload({ b: 1, a: [1, { d: 2, c: 'x' }] })).toBe(
      hashPayload({ a: [1, { c: 'x', d: 2 }], b: 1 }),
    );
  });

  it('matches the SHA-256 of the canonical text', () => {
    expect(hashPayload({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
