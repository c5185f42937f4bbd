import { errorCatalog, quarantineCodes } from './errors';

/**
 * Renders `docs/errors.md` from the catalog and the one-line comments above each code in
 * `errors.ts` (passed in as that file's text). `npm run docs:errors` writes it; a test keeps the
 * committed file in step with the code.
 */
export function renderErrorsDoc(errorsSource: string): string {
  const comments = new Map<string, string>();
  const pattern = /\/\*\*\s*(.+?)\s*\*\/\s*\n\s*([a-z_]+):\s*\{/g;
  for (const match of errorsSource.matchAll(pattern)) comments.set(match[2] ?? '', match[1] ?? '');
  const rows = Object.entries(errorCatalog).map(
    ([code, { status, title }]) => `| \`${code}\` | ${status} | ${title} | ${comments.get(code) ?? ''} |`,
  );
  return [
    '# Error codes',
    '',
    '<!-- Generated from packages/contracts/src/errors.ts by `npm run docs:errors`. Do not edit. -->',
    '',
    'Every error is `application/problem+json`: `{type, title, status, detail, code, errors?}`.',
    '`code` is stable; `detail` says in words what was wrong and what to do.',
    '',
    '| code | status | title | cause, and what to do |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Codes of quarantined movements',
    '',
    'A movement the server cannot book is kept whole as an integration error with one of these codes;',
    'it can be edited and reprocessed from the console. `pending_reference` is not an error: it waits',
    'for a movement of another station and resolves by itself.',
    '',
    ...quarantineCodes.map((code) => `- \`${code}\``),
    '',
  ].join('\n');
}
