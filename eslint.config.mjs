// @ts-check
import tseslint from 'typescript-eslint';

/** Each third-party parser or SDK has exactly one importer (STYLE.md rule 8). */
const singleImporters = [
  { name: 'web-tree-sitter', file: 'providers/terraform/parse.ts' },
  { name: '@tree-sitter-grammars/tree-sitter-hcl', file: 'providers/terraform/parse.ts' },
  { name: '@cdktf/hcl2json', file: 'test/helpers/hcl2json.ts' },
  // The benchmark times hcl2json against our parser in the same run.
  { name: '@cdktf/hcl2json', file: 'bench/terraform-scan.ts' },
  { name: 'js-yaml', file: 'providers/yaml/parse.ts' },
  { name: 'ignore', file: 'src/scan/excluded-paths.ts' },
  { name: 'commander', file: 'src/cli/**/*.ts' },
  { name: '@aws-sdk/*', file: 'providers/aws/client.ts' },
  { name: '@azure/*', file: 'providers/azure/client.ts' },
];

/** Layer rules (STYLE.md §1): policies → src/graph + src/engine; providers → src/graph; the core never imports the edges. */
const layers = [
  { files: ['policies/**/*.ts'], forbidden: ['**/providers/**', '**/src/cli/**', '**/src/report/**', '**/src/scan/**', '**/src/index'], why: 'policies read the graph only (src/graph, src/engine)' },
  { files: ['providers/**/*.ts'], forbidden: ['**/policies/**', '**/src/engine/**', '**/src/cli/**', '**/src/report/**', '**/src/scan/**', '**/src/index'], why: 'providers build graph nodes only (src/graph)' },
  { files: ['src/graph/**/*.ts', 'src/engine/**/*.ts'], forbidden: ['**/providers/**', '**/policies/**', '**/src/cli/**', '**/src/report/**', '**/src/scan/**'], why: 'the core never depends on providers, policies or the CLI' },
  { files: ['src/report/**/*.ts'], forbidden: ['**/providers/**', '**/src/cli/**'], why: 'reporters format a ScanResult and decide nothing' },
];

function restrictedImports(file, layerPatterns = [], why = '') {
  const allowedHere = new Set(singleImporters.filter((s) => s.file === file).map((s) => s.name));
  const patterns = singleImporters
    .filter((s) => !allowedHere.has(s.name))
    .map((s) => ({ group: [s.name, `${s.name}/**`], message: `only ${s.file} imports ${s.name}` }));
  if (layerPatterns.length > 0) patterns.push({ group: layerPatterns.flatMap((p) => [p, p.replace('**/', '../**/')]), message: why });
  return ['error', { patterns }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'scratch/**', 'bench/.work/**', '**/__fixtures__/**', 'examples/**', 'bin/**', '*.js', '*.mjs'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-console': 'error',
      'no-restricted-imports': restrictedImports(''),
    },
  },
  ...layers.map((layer) => ({ files: layer.files, rules: { 'no-restricted-imports': restrictedImports('', layer.forbidden, layer.why) } })),
  ...singleImporters.map((s) => {
    const layer = layers.find((l) => l.files.some((glob) => s.file.startsWith(glob.split('/**')[0] + '/')));
    return { files: [s.file], rules: { 'no-restricted-imports': restrictedImports(s.file, layer?.forbidden, layer?.why) } };
  }),
  { files: ['src/cli/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' } },
);
