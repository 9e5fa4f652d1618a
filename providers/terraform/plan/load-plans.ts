import { dirname } from 'node:path';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import type { RootModuleResources } from '../load';
import type { TfBody, TfResource } from '../model';
import { locateAddresses, type TextPosition } from './address-lines';
import { planBody, singleSourceScope, type SourceScope } from './plan-body';
import { PlanConfiguration } from './plan-configuration';
import { objectAt, referencesOf } from './plan-json';
import { planResources, type PlanResourceEntry } from './plan-resources';
import { readPlanFile, type PlanDocument } from './read-plan';
import { HclResourceIndex, hclSourceScope, matchRoot } from './reconcile';
import { configAddress, moduleCallPath, moduleSegments } from './traversal';

/** The resources of one plan or state file, as the adapters take them. */
export interface PlanResources {
  readonly file: string;
  /** The scanned .tf root the plan was made from: its locations are used, and it is not adapted on its own. */
  readonly matchedRoot?: RootModuleResources;
  readonly resources: readonly TfResource[];
}

export interface PlanLoadResult {
  readonly plans: readonly PlanResources[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads plan / state JSON files and reconciles each with the HCL root it was made from, when that root was scanned. */
export function loadPlans(files: readonly string[], roots: readonly RootModuleResources[], maxFileBytes: number): PlanLoadResult {
  const plans: PlanResources[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = readPlanFile(file, maxFileBytes);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    plans.push(planToResources(read.document, roots));
  }
  return { plans, diagnostics };
}

export function planToResources(document: PlanDocument, roots: readonly RootModuleResources[]): PlanResources {
  const configuration = new PlanConfiguration(objectAt(document.json, 'configuration'));
  const entries = planResources(document);
  const declared = configuration.isEmpty ? entries.map((entry) => configAddress(entry.address)) : configuration.declaredAddresses();
  const matchedRoot = matchRoot(document.file, declared, roots);
  const hcl = matchedRoot ? new HclResourceIndex(matchedRoot.resources) : undefined;

  const scopes = new Map<string, SourceScope>();
  const unlocated = new Set<string>();
  for (const entry of entries) {
    const hclResource = hcl?.find(entry.address);
    if (hclResource) scopes.set(entry.address, hclSourceScope(hclResource, entry.address));
    else unlocated.add(entry.address);
  }
  // Resources not in the .tf files (all of them without a matched root; a registry module's otherwise): the plan's own lines.
  const positions = unlocated.size > 0 ? locateAddresses(document.text, unlocated) : new Map<string, TextPosition>();
  for (const address of unlocated) {
    const position = positions.get(address);
    const source: FileSource = { kind: 'file', file: document.file, ...(position && { line: position.line, column: position.column }), address };
    scopes.set(address, singleSourceScope(source));
  }

  const addresses = new Set(entries.map((entry) => entry.address));
  const resources = entries.map((entry) =>
    toResource(entry, configuration, addresses, scopes.get(entry.address) ?? singleSourceScope({ kind: 'file', file: document.file, address: entry.address })),
  );
  return { file: document.file, resources, ...(matchedRoot && { matchedRoot }) };
}

function toResource(entry: PlanResourceEntry, configuration: PlanConfiguration, addresses: ReadonlySet<string>, sources: SourceScope): TfResource {
  const callPath = moduleCallPath(entry.modulePath);
  const scope = { callPath, instance: moduleSegments(entry.modulePath) };
  const local = `${entry.mode === 'data' ? 'data.' : ''}${entry.type}.${entry.name}`;
  const declaration = configuration.resource(callPath, local);
  // A block without arguments has no `expressions`: nothing is written in it.
  const config = declaration ? (objectAt(declaration, 'expressions') ?? {}) : undefined;
  let body: TfBody | undefined;
  return {
    mode: entry.mode,
    type: entry.type,
    name: entry.name,
    address: entry.address,
    modulePath: entry.modulePath,
    ...(entry.index !== undefined && { instanceKey: entry.index }),
    // Converted when an adapter reads it: most resources of a real plan (IAM, compute, storage) are of types no adapter reads.
    get body(): TfBody {
      body ??= planBody(entry.values, entry.unknowns, config, sources, {
        address: entry.address,
        refsOf: (expression) => sameKeyInstances(configuration.refs(expression, scope), expression, entry.index, addresses),
      });
      return body;
    },
    source: sources.body,
  };
}

/**
 * `aws_x.y[each.key].arn` is listed in the configuration as `aws_x.y` and `each.key`: the key is lost, and the ref
 * would name every instance of `aws_x.y`. When the expression uses `each` or `count` and `aws_x.y` has an instance
 * with the referring instance's own key (the common `for_each = var.stages` on both), that instance is meant.
 */
function sameKeyInstances(refs: readonly string[], expression: unknown, index: string | number | undefined, addresses: ReadonlySet<string>): readonly string[] {
  if (index === undefined || !referencesOf(expression).some((ref) => ref.startsWith('each.') || ref === 'count.index')) return refs;
  const suffix = typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
  return refs.map((ref) => (!ref.endsWith(']') && addresses.has(`${ref}${suffix}`) ? `${ref}${suffix}` : ref));
}

/** The directory whose root label scopes the node ids of a plan's resources. */
export function planRootDir(plan: PlanResources): string {
  return plan.matchedRoot?.rootDir ?? dirname(plan.file);
}
