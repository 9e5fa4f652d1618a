import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { builtinPolicies } from '../../policies';
import { CONTROL_CATEGORY } from '../../src/engine/controls';
import { SEVERITIES, type AnyPolicy } from '../../src/engine/policy';
import { NODE_KINDS } from '../../src/graph/kinds';

/** STYLE.md §6.4: the invariants every built-in policy keeps (ESLint's checkRuleFiles, trivy's TestCheckIDsUnique). */

const POLICIES_DIR = join(__dirname, '..', '..', 'policies');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return entry === '__fixtures__' ? [] : walk(full);
    return [full];
  });
}

/** Every policy module on disk: `policies/<category>/<slug>.ts`, the registry itself excepted. */
const policyFiles = walk(POLICIES_DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== join(POLICIES_DIR, 'index.ts'))
  .sort();

/**
 * The labels a fixture file gives its resources: `pass_…` / `fail_…` (HCL block labels), `PassXxx` / `FailXxx`
 * (CloudFormation logical ids, which cannot hold `_`) or `pass-…` / `fail-…` (Kubernetes names).
 */
function fixtureLabels(provider: string, text: string): Set<'pass' | 'fail'> {
  const found = new Set<'pass' | 'fail'>();
  const pattern = provider === 'terraform'
    ? /^\s*resource\s+"[^"]+"\s+"(pass|fail)[^"]*"/gm
    : provider === 'cloudformation'
      ? /^\s*"?(Pass|Fail)[A-Z0-9][A-Za-z0-9]*"?\s*:/gm
      : /(?<![\w-])(pass|fail)[_-][\w-]*/gi;
  for (const match of text.matchAll(pattern)) found.add(match[1]?.toLowerCase() === 'pass' ? 'pass' : 'fail');
  return found;
}

function fixtureFiles(policy: AnyPolicy, provider: string): string[] {
  const dir = join(POLICIES_DIR, policy.category, '__fixtures__', policy.slug, provider);
  try {
    return readdirSync(dir).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
  } catch {
    // A missing directory is reported by the assertion below, naming the directory expected.
    return [];
  }
}

describe('built-in policies', () => {
  // Through jest's module registry, so these are the same objects builtinPolicies imported.
  const modules = new Map<string, unknown>(policyFiles.map((file) => [file, jest.requireActual<{ default?: unknown }>(file).default]));

  it('finds policy files on disk', () => {
    expect(policyFiles.length).toBeGreaterThan(0);
  });

  it('registers every policy file in builtinPolicies, once, and nothing else', () => {
    const registered = new Set<unknown>(builtinPolicies);
    const unregistered = policyFiles.filter((f) => !registered.has(modules.get(f))).map((f) => relative(POLICIES_DIR, f));
    expect(unregistered).toEqual([]);
    const onDisk = new Set(modules.values());
    expect(builtinPolicies.filter((p) => !onDisk.has(p)).map((p) => p.id)).toEqual([]);
    expect(new Set(builtinPolicies).size).toBe(builtinPolicies.length);
  });

  it('has unique ids of the form GW-<AREA>-<NNN>, never reused as aliases', () => {
    const ids = builtinPolicies.flatMap((p) => [p.id, ...(p.aliases ?? [])]);
    for (const id of ids) expect(id).toMatch(/^GW-[A-Z]+-\d{3}$/);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('keeps builtinPolicies sorted by id', () => {
    const ids = builtinPolicies.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('has unique slugs', () => {
    const slugs = builtinPolicies.map((p) => `${p.category}/${p.slug}`);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  describe.each(policyFiles.map((f) => [relative(POLICIES_DIR, f), f] as const))('%s', (_name, file) => {
    const policy = (): AnyPolicy => {
      const p = modules.get(file);
      if (typeof p !== 'object' || p === null) throw new Error(`${file} has no default export`);
      return p as AnyPolicy;
    };

    it('is named after its slug and lives under its category', () => {
      const p = policy();
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(basename(file, '.ts')).toBe(p.slug);
      expect(relative(POLICIES_DIR, dirname(file)).split(sep)).toEqual([p.category]);
    });

    it('names a control of its category (CONTROLS.md)', () => {
      const p = policy();
      expect(CONTROL_CATEGORY[p.control]).toBe(p.category);
    });

    it('has complete metadata', () => {
      const p = policy();
      expect(p.title.trim()).not.toBe('');
      expect(p.title).not.toMatch(/\.$/);
      expect(p.title[0]).toBe(p.title[0]?.toUpperCase());
      expect(p.rationale.trim()).not.toBe('');
      expect(SEVERITIES).toContain(p.severity);
      expect(NODE_KINDS).toContain(p.target);
      expect(p.owasp.length).toBeGreaterThan(0);
      for (const id of p.owasp) expect(id).toMatch(/^API(10|[1-9]):2023$/);
      expect(p.references.length).toBeGreaterThan(0);
      for (const ref of p.references) expect(new URL(ref).protocol).toBe('https:');
      expect(Object.keys(p.remediation).length).toBeGreaterThan(0);
      for (const text of Object.values(p.remediation)) expect(text.trim()).not.toBe('');
    });

    it('has a pass and a fail fixture for every provider it gives a remediation for', () => {
      const p = policy();
      for (const provider of Object.keys(p.remediation)) {
        const labels = fixtureFiles(p, provider).map((f) => fixtureLabels(provider, readFileSync(f, 'utf8')));
        const where = relative(join(POLICIES_DIR, '..'), join(POLICIES_DIR, p.category, '__fixtures__', p.slug, provider));
        expect({ where, pass: labels.some((l) => l.has('pass')) }).toEqual({ where, pass: true });
        expect({ where, fail: labels.some((l) => l.has('fail')) }).toEqual({ where, fail: true });
      }
    });
  });
});
