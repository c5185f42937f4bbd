import { createHash } from 'node:crypto';

/**
 * Checksum of a station's catalog (SPEC §4.2 snapshot end line; issue "catalog equals server").
 *
 *   row digest = SHA-256( entity TAB key TAB JSON(data) )
 *   checksum   = XOR of all row digests, hex
 *
 * XOR makes it independent of row order, so the server (streaming rows from PostgreSQL or SQLite,
 * whatever their collation) and the station (reading its own tables) agree without sorting.
 * Entity and key are unique within one catalog, so no two digests cancel out.
 * `JSON(data)` is the record's JSON text as carried on the wire: the server builds each record
 * with a fixed key order, and the station keeps the text it received.
 *
 * Node only (node:crypto): the web UIs never compute it.
 */
export class CatalogChecksum {
  private readonly acc = Buffer.alloc(32);
  private rows = 0;

  add(entity: string, key: string, dataJson: string): void {
    const digest = createHash('sha256')
      .update(entity)
      .update('\t')
      .update(key)
      .update('\t')
      .update(dataJson)
      .digest();
    for (let i = 0; i < 32; i += 1) this.acc[i] = (this.acc[i] ?? 0) ^ (digest[i] ?? 0);
    this.rows += 1;
  }

  get count(): number {
    return this.rows;
  }

  hex(): string {
    return this.acc.toString('hex');
  }
}
