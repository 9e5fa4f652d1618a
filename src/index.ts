/**
 * gatewarden as a library: scan infrastructure code for API security problems, write custom policies against the
 * provider-neutral resource graph, and render reports. This file is the only public entry point; anything not
 * exported here may change without notice.
 *
 * @example
 * ```ts
 * import { scan, buildReport, formatters } from 'gatewarden';
 * const result = await scan({ paths: ['infra/'] });
 * const report = buildReport(result, { cwd: process.cwd() });
 * process.stdout.write(formatters.json(report, { color: false, failOn: 'high' }));
 * ```
 *
 * @packageDocumentation
 */

/**
 * Runs a scan: discovers files under `paths`, reads them with the built-in (or given) providers, builds the resource
 * graph and runs the built-in (or given) policies. Input problems are `diagnostics` in the result, never throws for
 * them; invalid options throw a {@link UsageError}.
 */
export { scan } from './scan/scan';
/** Options of {@link scan}. */
export type { ScanOptions } from './scan/scan';
/** {@link scan} with explicit providers and policies (custom sources or policy sets), and its options. */
export { scanWith, type ScanWithOptions } from './scan/scan-with';
/** Default largest file read by {@link scan}, in bytes (10 MiB). */
export { DEFAULT_MAX_FILE_BYTES } from './scan/scan-with';
/** Directories a scan never walks into (`.git`, `.terraform`, `node_modules`), and the walker itself. */
export { SKIPPED_DIRECTORIES, discover, type DiscoverRequest, type Discovery } from './scan/discover';
/** Resolve `--policy` style references (ID, alias, `<category>/<slug>`, slug) to policies. */
export { findPolicy, selectPolicies, type PolicySelection } from './scan/select-policies';

/** What a scan produces: every policy result, input diagnostics, the graph, files scanned and timings per phase. */
export type { ScanResult } from './engine/scan-result';
/** One policy's verdict on one node. */
export type { PolicyResult, ResultStatus } from './engine/run';
/** Runs policies over a graph directly (without discovery), e.g. for custom sources. */
export { runPolicies } from './engine/run';

/**
 * Declares a policy with complete metadata and a typed `evaluate`; custom policies use it exactly as the built-ins do.
 * `pass()`, `fail()` and `unknown()` build the outcomes `evaluate` returns.
 */
export { definePolicy, pass, fail, unknown, SEVERITIES } from './engine/policy';
/** The policy contract and its metadata vocabularies. */
export type { Policy, AnyPolicy, Outcome, PolicyContext, Severity, Category, Control, OwaspApi2023 } from './engine/policy';
/** `a` is as severe as the threshold or more. */
export { atOrAbove } from './engine/severity';
/** The category each control belongs to (CONTROLS.md), and the categories in catalog order. */
export { CONTROL_CATEGORY, CATEGORIES } from './engine/controls';

/** Every built-in policy, sorted by ID. */
export { builtinPolicies } from '../policies';
/** Every built-in source adapter. */
export { builtinProviders } from '../providers';

/** The provider-neutral resource graph that providers produce and policies read. */
export { ResourceGraph, type ReadonlyGraph } from './graph/graph';
export { buildGraph } from './graph/build';
/** Attribute values with provenance: `set`, `default` (documented platform default) or `unknown`. */
export { set, byDefault, isKnown, known, mapAttr, type Attr } from './graph/attr';
export type { AnyNode, GraphNode, NodeKind, Edge, EdgeRel, ProviderId, AttrsByKind } from './graph/kinds';
export type { SourceRef, FileSource, CloudSource } from './graph/source';
export type { Diagnostic } from './graph/diagnostic';
/** The contract a source adapter implements. */
export type { ProviderAdapter, ProviderOptions, LoadRequest, LoadResult } from './graph/adapter';
/** Graph questions shared by policies (API of a stage, WAFs in front of a stage...). */
export * as queries from './graph/queries';

/** Turns a {@link ScanResult} into the report view every formatter renders (paths relative, findings sorted). */
export { buildReport, formatters, FORMAT_NAMES } from './report';
export type { Report, ReportFinding, ReportError, ReportLocation, FormatContext, FormatName, Formatter, ReportOptions } from './report';
/** The JSON report contract (version "1") as a zod schema and as a JSON Schema document. */
export { jsonReportSchema, jsonReportJsonSchema, type JsonReport } from './report/json-schema';
/** Markdown catalog of policies (docs/policies.md). */
export { renderCatalog } from './report/catalog';

/** The errors gatewarden throws; anything else is a bug. */
export { GatewardenError, UsageError, ConfigError, SourceError, ProviderAuthError, InternalError } from './errors';
