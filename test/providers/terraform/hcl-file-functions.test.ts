import { symlinkSync } from 'node:fs';
import { readTerraform } from '../../../providers/terraform/load';
import { readTree, tempTree, valueOf } from './tf-helpers';

/** A `terraform_data` whose `input` is `expression`, read with `files` beside main.tf. */
async function inputOf(expression: string, files: Readonly<Record<string, string>> = {}) {
  const read = await readTree({ 'main.tf': `resource "terraform_data" "x" {\n  input = ${expression}\n}\n`, ...files }, {}, ['main.tf']);
  return { value: valueOf(read, 'terraform_data.x', 'input'), diagnostics: read.diagnostics };
}

const SPECS = {
  'specs/orders.yaml': 'openapi: 3.0.0\n',
  'specs/payments.yaml': 'openapi: 3.0.0\n',
  'specs/v2/orders.yaml': 'openapi: 3.0.0\n',
  'specs/.hidden.yaml': 'openapi: 3.0.0\n',
  'specs/README.md': '# specs\n',
};

describe('fileset()', () => {
  test.each([
    ['"*.yaml" stays in the directory, and matches dot files as Terraform does', '"*.yaml"', ['.hidden.yaml', 'orders.yaml', 'payments.yaml']],
    ['"**/*.yaml" goes into subdirectories', '"**/*.yaml"', ['.hidden.yaml', 'orders.yaml', 'payments.yaml', 'v2/orders.yaml']],
    ['"{orders,payments}.yaml" takes alternatives', '"{orders,payments}.yaml"', ['orders.yaml', 'payments.yaml']],
    ['"v?/*" matches one character', '"v?/*"', ['v2/orders.yaml']],
    ['a pattern nothing matches is an empty set', '"*.json"', []],
    ['"./*.yaml" is cleaned as Terraform joins it to the path', '"./*.yaml"', ['.hidden.yaml', 'orders.yaml', 'payments.yaml']],
  ])('%s', async (_name, pattern, expected) => {
    expect((await inputOf(`fileset("\${path.module}/specs", ${pattern})`, SPECS)).value).toEqual(expected);
  });

  test('feeds for_each: one resource per file, each reading its file', async () => {
    const read = await readTree({
      'main.tf': 'resource "terraform_data" "spec" {\n  for_each = fileset(path.module, "specs/*.yaml")\n  input    = file("${path.module}/${each.value}")\n}\n',
      ...SPECS,
    }, {}, ['main.tf']);
    expect(read.resources.map((r) => r.address)).toEqual(['terraform_data.spec["specs/.hidden.yaml"]', 'terraform_data.spec["specs/orders.yaml"]', 'terraform_data.spec["specs/payments.yaml"]']);
    expect(valueOf(read, 'terraform_data.spec["specs/orders.yaml"]', 'input')).toBe('openapi: 3.0.0\n');
  });

  test('a malformed pattern, on which Terraform fails, gives an unknown set', async () => {
    expect((await inputOf('fileset(path.module, "specs/[")', SPECS)).value).toEqual(expect.objectContaining({ unknown: true }));
  });

  test('a link to a directory where the pattern may match is not followed: the set is not known, with a notice', async () => {
    const tree = tempTree({ ...SPECS, 'main.tf': 'resource "terraform_data" "x" {\n  input = fileset(path.module, "**/*.yaml")\n}\n' });
    try {
      symlinkSync(tree.path('specs'), tree.path('linked'));
      const read = await readTerraform([tree.path('main.tf')], {});
      expect(valueOf(read, 'terraform_data.x', 'input')).toEqual(expect.objectContaining({ unknown: true }));
      expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringContaining('holds a link to a directory (linked)') as unknown })]);
    } finally {
      tree.cleanup();
    }
  });

  test('outside the module is not looked at: unknown, with a notice', async () => {
    const { value, diagnostics } = await inputOf('fileset("/etc", "*")');
    expect(value).toEqual(expect.objectContaining({ unknown: true }));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'notice', file: '/etc', message: expect.stringContaining('named by fileset() but outside the scanned module') as unknown })]);
  });
});

describe('fileexists()', () => {
  test.each([
    ['a file that is there', '"${path.module}/specs/orders.yaml"', true],
    ['a file that is not', '"${path.module}/specs/missing.yaml"', false],
  ])('%s', async (_name, path, expected) => {
    expect((await inputOf(`fileexists(${path})`, SPECS)).value).toBe(expected);
  });

  test('decides a count', async () => {
    const read = await readTree({
      'main.tf': 'resource "terraform_data" "spec" {\n  count = fileexists("${path.module}/specs/orders.yaml") ? 1 : 0\n}\nresource "terraform_data" "none" {\n  count = fileexists("${path.module}/nope.yaml") ? 1 : 0\n}\n',
      ...SPECS,
    }, {}, ['main.tf']);
    expect(read.resources.map((r) => r.address)).toEqual(['terraform_data.spec[0]']);
  });

  test('a directory, or a path outside the module, is not known', async () => {
    expect((await inputOf('fileexists("${path.module}/specs")', SPECS)).value).toEqual(expect.objectContaining({ unknown: true }));
    expect((await inputOf('fileexists("/etc/hostname")')).value).toEqual(expect.objectContaining({ unknown: true }));
  });
});

describe('where file() reads a relative path from', () => {
  const POLICY = '<policies><inbound><base /></inbound></policies>\n';

  test('Terraform\'s working directory, the root module\'s, in a child module too', async () => {
    const read = await readTree({
      'main.tf': 'module "api" {\n  source = "./modules/api"\n}\n',
      'modules/api/main.tf': 'resource "terraform_data" "x" {\n  input = file("modules/api/policy.xml")\n}\n',
      'modules/api/policy.xml': POLICY,
    });
    expect(valueOf(read, 'module.api.terraform_data.x', 'input')).toBe(POLICY);
  });

  test('a path given to scan holds files beside the root module (policies/ next to terraform/)', async () => {
    const tree = tempTree({ 'terraform/main.tf': 'resource "terraform_data" "x" {\n  input = file("${path.module}/../policies/api.xml")\n}\n', 'policies/api.xml': POLICY });
    try {
      const inScan = await readTerraform([tree.path('terraform/main.tf')], { scanRoots: [tree.root] });
      expect(valueOf(inScan, 'terraform_data.x', 'input')).toBe(POLICY);
      const rootOnly = await readTerraform([tree.path('terraform/main.tf')], { scanRoots: [tree.path('terraform')] });
      expect(valueOf(rootOnly, 'terraform_data.x', 'input')).toEqual(expect.objectContaining({ unknown: true }));
      expect(rootOnly.diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringContaining('outside the scanned module and paths') as unknown })]);
    } finally {
      tree.cleanup();
    }
  });
});
