import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from './errors-doc';
import { errorCatalog } from './errors';

const source = fs.readFileSync(new URL('./errors.ts', import.meta.url), 'utf8');

describe('error catalog', () => {
  it('documents every code with a cause and what to do', () => {
    const doc = renderErrorsDoc(source);
    for (const code of Object.keys(errorCatalog)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row?.split('|')[4]?.trim().length, code).toBeGreaterThan(10);
    }
  });

  it('matches the committed docs/errors.md (run npm run docs:errors after changing codes)', () => {
    const committed = fs.readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderErrorsDoc(source));
  });
});
