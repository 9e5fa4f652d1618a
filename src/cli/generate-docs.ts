import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GENERATED_DOCS } from '../report/generated-docs';

/** `npm run docs`, run from the repository root: rewrites every generated document. */
for (const doc of GENERATED_DOCS) {
  const target = path.resolve(doc.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, doc.render(), 'utf8');
  process.stdout.write(`wrote ${doc.file}\n`);
}
