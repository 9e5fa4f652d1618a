import { basename, sep } from 'node:path';
import type { LoadRequest, LoadResult, ProviderAdapter } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../src/graph/kinds';
import { DEFAULT_MAX_FILE_BYTES } from '../read-text-file';
import { adaptTerraform } from './adapt';
import { readTerraform, type RootModuleResources, type TerraformReadResult } from './load';
import { isPlanPath, looksLikePlanJson } from './plan/detect-plan';
import { loadPlans, planRootDir } from './plan/load-plans';
import { rootLabel } from './root-scope';

/**
 * Terraform: configurations (HCL: `.tf` files, with `.tfvars` / `.tfvars.json` for variable values) and the JSON of
 * plans and states (`terraform show -json`). One provider reads both so that a plan made from scanned .tf files is
 * reported once: with the plan's values and the .tf files' lines.
 */
const terraform: ProviderAdapter = {
  id: 'terraform',
  description: 'Terraform HCL configurations (*.tf, *.tfvars, *.tfvars.json) and plan / state JSON (terraform show -json)',
  kind: 'file',
  matches({ path, head }) {
    return /\.(tf|tfvars|tfvars\.json)$/i.test(path) || looksLikePlanJson(path, head);
  },
  async load({ files, options }: LoadRequest): Promise<LoadResult> {
    const planFiles = files.filter(isPlanPath);
    const hclFiles = files.filter((file) => !isPlanPath(file));
    const cwd = options.cwd ?? process.cwd();
    // Without plans, no root is reconciled with a plan: each is adapted as soon as it is evaluated, while the parse
    // workers go on with the next roots' files.
    const adaptedRoots = new Map<RootModuleResources, ScopedAdaptation>();
    const adaptEarly = planFiles.length === 0
      ? (root: RootModuleResources) => {
        adaptedRoots.set(root, adaptTerraform(root.resources, rootLabel(root.rootDir, cwd)));
      }
      : undefined;
    // A plan alone needs no HCL parser: skip loading it.
    const read: TerraformReadResult = hclFiles.length > 0 ? await readTerraform(hclFiles, options, adaptEarly) : { roots: [], resources: [], diagnostics: [], filesRead: 0 };
    const planned = loadPlans(planFiles, read.roots, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    const matchedRoots = new Set(planned.plans.flatMap((plan) => (plan.matchedRoot ? [plan.matchedRoot.rootDir] : [])));

    const nodes: AnyNode[] = [];
    const edges: Edge[] = [];
    const diagnostics: Diagnostic[] = [...withoutNoticesOf(read.diagnostics, read.roots, matchedRoots), ...planned.diagnostics];
    const usedLabels = new Set<string>();
    const add = (scoped: ScopedAdaptation, label: string): void => {
      for (const node of scoped.nodes) nodes.push(node);
      for (const edge of scoped.edges) edges.push(edge);
      for (const diagnostic of scoped.diagnostics) diagnostics.push(diagnostic);
      usedLabels.add(label);
    };
    for (const root of read.roots) {
      if (matchedRoots.has(root.rootDir)) continue;
      const label = rootLabel(root.rootDir, cwd);
      add(adaptedRoots.get(root) ?? adaptTerraform(root.resources, label), label);
    }
    for (const plan of planned.plans) {
      const planLabel = rootLabel(planRootDir(plan), cwd);
      // A plan and a state of the same root (or two plans in one directory) keep apart by file name.
      const label = usedLabels.has(planLabel) ? `${planLabel}/${basename(plan.file)}` : planLabel;
      add(adaptTerraform(plan.resources, label, plan.deletedTypes), label);
    }
    return { nodes, edges, diagnostics, suppressions: read.suppressions ?? [] };
  },
};

/** Each root module (or plan) is adapted on its own: references never cross roots, and node ids carry its label. */
interface ScopedAdaptation {
  readonly nodes: readonly AnyNode[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A root read through its plan is checked with the plan's values: what the HCL reader says about values it could
 * not evaluate (unknown `count`, modules not downloaded) no longer applies. Errors (unreadable files) stay.
 */
function withoutNoticesOf(diagnostics: readonly Diagnostic[], roots: readonly RootModuleResources[], matched: ReadonlySet<string>): Diagnostic[] {
  if (matched.size === 0) return [...diagnostics];
  const matchedFiles = new Set(roots.filter((root) => matched.has(root.rootDir)).flatMap((root) => root.resources.map((r) => r.source.file)));
  const matchedDirs = [...matched].map((dir) => `${dir}${sep}`);
  return diagnostics.filter((d) => d.severity === 'error' || d.file === undefined || !(matchedFiles.has(d.file) || matchedDirs.some((dir) => d.file?.startsWith(dir))));
}

export default terraform;
