import { chmodSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import { UsageError } from '../../src/errors';
import { discover } from '../../src/scan/discover';

const empty: LoadResult = { nodes: [], edges: [], diagnostics: [] };

/** Claims `*.tf` by name, like the Terraform provider. */
const byName: ProviderAdapter = {
  id: 'terraform', description: 'test: *.tf', kind: 'file',
  matches: ({ path: p }) => p.endsWith('.tf'),
  load: () => Promise.resolve(empty),
};

/** Claims YAML files whose first bytes declare a CloudFormation template, like a content-sniffing provider. */
const byHead: ProviderAdapter = {
  id: 'cloudformation', description: 'test: sniffs head', kind: 'file',
  matches: ({ path: p, head }) => /\.ya?ml$/.test(p) && head.includes('AWSTemplateFormatVersion'),
  load: () => Promise.resolve(empty),
};

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gw-discover-'));
});

afterEach(() => {
  chmodAll(root);
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text = 'x'): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function filesOf(result: Awaited<ReturnType<typeof discover>>, id: string): string[] {
  return (result.matched.find((m) => m.adapter.id === id)?.files ?? []).map((f) => path.relative(root, f));
}

describe('discover', () => {
  it('offers every file to the adapters and returns their matches sorted, skipping .git, .terraform and node_modules', async () => {
    write('b/main.tf');
    write('a/z.tf');
    write('a/B.tf');
    write('README.md');
    write('.git/hooks/x.tf');
    write('.terraform/modules/vpc/main.tf');
    write('node_modules/pkg/main.tf');
    write('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n');
    write('values.yaml', 'replicas: 2\n');
    const result = await discover({ paths: ['.'], cwd: root, adapters: [byName, byHead] });
    expect(filesOf(result, 'terraform')).toEqual(['a/B.tf', 'a/z.tf', 'b/main.tf']);
    expect(filesOf(result, 'cloudformation')).toEqual(['stack.yaml']);
    expect(result.diagnostics).toEqual([]);
  });

  it('gives a file to the first adapter that matches only', async () => {
    write('main.tf');
    const second: ProviderAdapter = { ...byName, id: 'terraform-plan' };
    const result = await discover({ paths: [root], cwd: '/', adapters: [byName, second] });
    expect(filesOf(result, 'terraform')).toEqual(['main.tf']);
    expect(filesOf(result, 'terraform-plan')).toEqual([]);
  });

  it('reads an explicitly named file even inside a skipped directory, and reports a named file nobody reads as not read', async () => {
    write('.terraform/modules/m/main.tf');
    write('notes.txt');
    const result = await discover({ paths: ['.terraform/modules/m/main.tf', 'notes.txt'], cwd: root, adapters: [byName] });
    expect(filesOf(result, 'terraform')).toEqual(['.terraform/modules/m/main.tf']);
    expect(result.diagnostics).toEqual([
      {
        severity: 'error', file: path.join(root, 'notes.txt'),
        message: 'not read: no provider reads this kind of file (Terraform .tf or `terraform show -json` output, CloudFormation or SAM, Kubernetes manifests)',
      },
    ]);
  });

  it('rejects a path that does not exist as a usage error', async () => {
    const missing = discover({ paths: ['missing-dir'], cwd: root, adapters: [byName] });
    await expect(missing).rejects.toThrow(UsageError);
    await expect(missing).rejects.toThrow('path does not exist: missing-dir');
  });

  it('reads standard input once for `-` and offers it to the adapters as <stdin>', async () => {
    let reads = 0;
    const readStdin = (): Promise<string> => {
      reads++;
      return Promise.resolve('apiVersion: v1\nkind: Service\n');
    };
    const unclaimed = await discover({ paths: ['-', '-'], cwd: root, adapters: [byName], readStdin });
    expect(reads).toBe(1);
    expect(unclaimed.matched).toEqual([]);
    expect(unclaimed.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: '<stdin>' })]);
    const sniffer: ProviderAdapter = { id: 'kubernetes', description: 'test', kind: 'file', matches: ({ head }) => head.startsWith('apiVersion'), load: () => Promise.resolve({ nodes: [], edges: [], diagnostics: [] }) };
    const claimed = await discover({ paths: ['-'], cwd: root, adapters: [sniffer], readStdin });
    expect(claimed.matched).toEqual([{ adapter: sniffer, files: ['<stdin>'] }]);
    expect(claimed.stdin).toBe('apiVersion: v1\nkind: Service\n');
  });

  it('reports a symlink loop as an error naming the link, and goes on with the rest of the tree', async () => {
    write('app/main.tf');
    write('app/nested/inner.tf');
    symlinkSync(path.join(root, 'app'), path.join(root, 'app', 'nested', 'back-to-app'));
    symlinkSync('self', path.join(root, 'self')); // a link to itself: ELOOP
    write('zzz/last.tf');
    const result = await discover({ paths: ['.'], cwd: root, adapters: [byName] });
    expect(filesOf(result, 'terraform')).toEqual(['app/main.tf', 'app/nested/inner.tf', 'zzz/last.tf']);
    expect(result.diagnostics).toEqual([
      { severity: 'error', file: path.join(root, 'app/nested/back-to-app'), message: `symbolic link loop: leads back to ${realRoot()}/app; not followed` },
      { severity: 'error', file: path.join(root, 'self'), message: 'symbolic link loop; not followed' },
    ]);
  });

  it('follows links to files and directories once, and warns about broken links', async () => {
    write('shared/modules.tf');
    write('env/prod/main.tf');
    symlinkSync(path.join(root, 'shared'), path.join(root, 'env', 'prod', 'shared-link'));
    symlinkSync(path.join(root, 'env/prod/main.tf'), path.join(root, 'env', 'main-link.tf'));
    symlinkSync(path.join(root, 'nowhere.tf'), path.join(root, 'dangling.tf'));
    const result = await discover({ paths: ['.'], cwd: root, adapters: [byName] });
    // env/main-link.tf is walked before env/prod/main.tf, so the link is the path kept for that file.
    expect(filesOf(result, 'terraform')).toEqual(['env/main-link.tf', 'env/prod/shared-link/modules.tf']);
    expect(result.diagnostics).toEqual([{ severity: 'warning', file: path.join(root, 'dangling.tf'), message: 'broken symbolic link; skipped' }]);
  });

  it('is deterministic whatever the order of creation', async () => {
    for (const name of ['c.tf', 'a.tf', 'b/x.tf', 'A.tf', 'b.tf']) write(name);
    const first = await discover({ paths: ['.'], cwd: root, adapters: [byName] });
    const second = await discover({ paths: ['.'], cwd: root, adapters: [byName] });
    expect(filesOf(first, 'terraform')).toEqual(['A.tf', 'a.tf', 'b.tf', 'b/x.tf', 'c.tf']);
    expect(filesOf(second, 'terraform')).toEqual(filesOf(first, 'terraform'));
  });

  describe('an unreadable directory is an error diagnostic and the walk goes on', () => {
    const isRoot = process.getuid?.() === 0;

    (isRoot ? it.skip : it)('chmod 000 directory (skipped as root, who reads everything)', async () => {
      write('locked/secret.tf');
      write('open/main.tf');
      chmodSync(path.join(root, 'locked'), 0o000);
      const result = await discover({ paths: ['.'], cwd: root, adapters: [byName] });
      expect(filesOf(result, 'terraform')).toEqual(['open/main.tf']);
      expect(result.diagnostics).toEqual([
        { severity: 'error', file: path.join(root, 'locked'), message: expect.stringMatching(/^cannot read directory: permission denied \(EACCES\)$/) },
      ]);
    });

    // As root, chmod does not stop reads. /proc/1/map_files refuses a directory listing even to root without
    // CAP_SYS_ADMIN over pid 1 (the case in containers): when that holds on this machine, it exercises the same path.
    const procDir = '/proc/1/map_files';
    (isRoot && listingIsDenied(procDir) ? it : it.skip)('directory that refuses listing even to root', async () => {
      write('open/main.tf');
      const result = await discover({ paths: ['open', procDir], cwd: root, adapters: [byName] });
      expect(filesOf(result, 'terraform')).toEqual(['open/main.tf']);
      expect(result.diagnostics).toEqual([
        { severity: 'error', file: procDir, message: expect.stringMatching(/^cannot read directory: permission denied \((EACCES|EPERM)\)$/) },
      ]);
    });
  });
});

function realRoot(): string {
  return realpathSync(root);
}

function listingIsDenied(dir: string): boolean {
  try {
    readdirSync(dir);
    return false;
  } catch {
    return true;
  }
}

/** Restores permissions so the temp tree can be removed. */
function chmodAll(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) chmodAll(path.join(dir, entry.name));
  } catch {
    // best effort cleanup of a temp dir
  }
}
