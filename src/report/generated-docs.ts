import { builtinPolicies } from '../../policies';
import { renderCatalog } from './catalog';
import { jsonReportJsonSchema } from './json-schema';

/** Documents derived from code (paths relative to the repository root); `npm run docs` writes them, tests check they are current. */
export const GENERATED_DOCS: ReadonlyArray<{ readonly file: string; readonly render: () => string }> = [
  { file: 'docs/policies.md', render: () => renderCatalog(builtinPolicies) },
  { file: 'docs/json-report.schema.json', render: () => `${JSON.stringify(jsonReportJsonSchema(), null, 2)}\n` },
];
