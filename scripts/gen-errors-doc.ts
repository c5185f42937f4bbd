import fs from 'node:fs';
import { renderErrorsDoc } from '../packages/contracts/src/errors-doc';

const source = fs.readFileSync(new URL('../packages/contracts/src/errors.ts', import.meta.url), 'utf8');
fs.writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc(source));
console.log('docs/errors.md written');
