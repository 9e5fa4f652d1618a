import type { GatewardenConfig } from '../engine/config';
import type { AnyPolicy } from '../engine/policy';
import type { PolicyResult } from '../engine/run';
import { runPolicies } from '../engine/run';
import { applySeverityOverrides } from '../engine/severity-overrides';
import { applySuppressions, todayUtc, type BaselineFilter } from '../engine/suppressions';
import type { LoadResult } from '../graph/adapter';
import { buildGraph } from '../graph/build';
import type { Diagnostic } from '../graph/diagnostic';
import type { ResourceGraph } from '../graph/graph';
import { selectPolicies } from './select-policies';

/** What decides which policies run and which findings are accepted: shared by `scan` and the live audits. */
export interface CheckOptions {
  /** Policies to choose from. */
  readonly policies: readonly AnyPolicy[];
  /** Run only these policies (ID, alias, `<category>/<slug>` or slug). */
  readonly only?: readonly string[];
  /** Never run these policies. */
  readonly skip?: readonly string[];
  /** `.gatewarden.yml`: selection, severities, options and suppressions. `only` / `skip` win over its enable / disable. */
  readonly config?: GatewardenConfig;
  /** Findings accepted earlier (`--baseline`): marked suppressed. */
  readonly baseline?: BaselineFilter;
  /** YYYY-MM-DD that suppression expiry dates are compared with; default today (UTC). */
  readonly today?: string;
  /** The time of the scan that policies judge ages by (`ctx.now`); default the clock, and `today` follows it. */
  readonly now?: Date;
}

/** The policies that run: `only` / `skip`, then the config's enable / disable and disabled categories. */
export function choosePolicies(options: CheckOptions): AnyPolicy[] {
  const config = options.config;
  const only = options.only !== undefined && options.only.length > 0 ? options.only : config?.enable ?? [];
  return selectPolicies(options.policies, {
    only,
    skip: [...(options.skip ?? []), ...(config?.disable ?? []).filter((id) => !(options.only ?? []).includes(id))],
    skipCategories: config?.disabledCategories ?? [],
  });
}

/**
 * Builds the graph of what the providers loaded and runs the chosen policies over it, with severity overrides and
 * suppressions (inline, config, baseline). `lap` marks the end of the graph and policy phases for timings.
 */
export function checkLoaded(
  loaded: readonly LoadResult[], chosen: readonly AnyPolicy[], options: CheckOptions, lap: (phase: string) => void = () => undefined,
): { readonly results: readonly PolicyResult[]; readonly diagnostics: readonly Diagnostic[]; readonly graph: ResourceGraph } {
  const config = options.config;
  const { graph, diagnostics } = buildGraph(loaded);
  lap('graph');
  const now = options.now ?? new Date();
  const ran = runPolicies(graph, chosen, { policyOptions: config?.options ?? new Map(), now });
  const suppressed = applySuppressions(applySeverityOverrides(ran, config?.severity ?? new Map()), {
    inline: loaded.flatMap((l) => l.suppressions ?? []),
    config: config?.suppressions ?? [],
    ...(options.baseline && { baseline: options.baseline }),
    policies: options.policies,
    ran: new Set(chosen.map((p) => p.id)),
    today: options.today ?? todayUtc(now),
  });
  lap('policies');
  return { results: suppressed.results, diagnostics: [...diagnostics, ...suppressed.diagnostics], graph };
}
