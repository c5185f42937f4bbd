import { describe, expect, it } from 'vitest';
import { CatalogChecksum } from './catalog-checksum';

describe('catalog checksum', () => {
  it('does not depend on the order rows arrive in', () => {
    const a = new CatalogChecksum();
    const b = new CatalogChecksum();
    a.add('product', 'P1', '{"code":"P1"}');
    a.add('price', 'S1', '{"skuCode":"S1","priceCents":100}');
    b.add('price', 'S1', '{"skuCode":"S1","priceCents":100}');
    b.add('product', 'P1', '{"code":"P1"}');
    expect(a.hex()).toBe(b.hex());
  });

  it('changes when one price changes by one cent', () => {
    const a = new CatalogChecksum();
    const b = new CatalogChecksum();
    a.add('price', 'S1', '{"skuCode":"S1","priceCents":100}');
    b.add('price', 'S1', '{"skuCode":"S1","priceCents":101}');
    expect(a.hex()).not.toBe(b.hex());
  });

  it('tells a row of one entity from the same key of another', () => {
    const a = new CatalogChecksum();
    const b = new CatalogChecksum();
    a.add('seller', 'X', '{}');
    b.add('operator', 'X', '{}');
    expect(a.hex()).not.toBe(b.hex());
    expect(new CatalogChecksum().hex()).toBe('0'.repeat(64));
  });
});
