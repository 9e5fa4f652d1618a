import { chmodSync } from 'node:fs';
import { readTerraform } from '../../../providers/terraform/load';
import { readTree, tempTree } from './tf-helpers';

const good = 'resource "aws_test" "ok" {\n  name = "fine"\n}\n';

describe('bad input is a per-file diagnostic and the rest is still read', () => {
  test('syntax error: error with the 1-based line where the parser detects it; valid blocks of the file are kept', async () => {
    const result = await readTree({ 'good.tf': good, 'broken.tf': 'resource "aws_test" "kept" {\n  a = 1\n}\n\nresource "aws_test" "bad" {\n  a = [1, 2\n}\n' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: expect.stringMatching(/broken\.tf$/), line: 7, message: expect.stringMatching(/syntax error at line 7: missing "]"/) })]);
    expect(result.resources.map((r) => r.address)).toEqual(['aws_test.kept', 'aws_test.ok']);
  });

  test('binary file named .tf', async () => {
    const result = await readTree({ 'good.tf': good, 'image.tf': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: expect.stringMatching(/image\.tf$/), message: expect.stringMatching(/binary/) })]);
    expect(result.resources).toHaveLength(1);
  });

  test('empty file is a warning, not an error', async () => {
    const result = await readTree({ 'good.tf': good, 'empty.tf': '' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: 'empty file, nothing to check', file: expect.stringMatching(/empty\.tf$/) })]);
    expect(result.resources).toHaveLength(1);
  });

  test('non-UTF-8 file', async () => {
    const result = await readTree({ 'good.tf': good, 'latin1.tf': Buffer.from('name = "caf\xe9"\n', 'latin1') });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/not valid UTF-8/) })]);
    expect(result.resources).toHaveLength(1);
  });

  test('file larger than maxFileBytes names the limit', async () => {
    const result = await readTree({ 'good.tf': good, 'big.tf': `# ${'x'.repeat(2000)}\n` }, { maxFileBytes: 1024 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: expect.stringMatching(/big\.tf$/), message: expect.stringMatching(/larger than the limit of 1 KiB \(1024 bytes\)/) })]);
    expect(result.resources).toHaveLength(1);
  });

  test('a path that cannot be read as a file (EISDIR)', async () => {
    const tree = tempTree({ 'good.tf': good, 'dir.tf/inner.txt': 'x' });
    try {
      const result = await readTerraform([tree.path('dir.tf'), tree.path('good.tf')], {});
      expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: tree.path('dir.tf'), message: expect.stringMatching(/cannot read file: is a directory/) })]);
      expect(result.resources).toHaveLength(1);
    } finally {
      tree.cleanup();
    }
  });

  // root reads any file whatever its mode, so this case can only be checked as an ordinary user.
  const runsAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (runsAsRoot ? test.skip : test)('unreadable file (EACCES)', async () => {
    const tree = tempTree({ 'good.tf': good, 'secret.tf': good.replace('ok', 'secret') });
    try {
      chmodSync(tree.path('secret.tf'), 0o000);
      const result = await readTerraform([tree.path('good.tf'), tree.path('secret.tf')], {});
      expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: tree.path('secret.tf'), message: expect.stringMatching(/EACCES/) })]);
      expect(result.resources).toHaveLength(1);
    } finally {
      chmodSync(tree.path('secret.tf'), 0o644);
      tree.cleanup();
    }
  });
});
