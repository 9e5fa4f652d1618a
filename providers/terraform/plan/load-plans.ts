import { dirname } from 'node:path';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import type { RootModuleResources } from '../load';
import { withoutInstanceKey } from '../instance-key';
import type { TfBody, TfResource, TfValue } from '../model';
import { resourceKey } from '../module-config';
import { forEachAddressPosition } from './address-lines';
import { planBody, singleSourceScope, type BodyContext, type SourceScope } from './plan-body';
import { moduleScope, PlanConfiguration, type ModuleScope } from './plan-configuration';
import { arrayAt, objectAt, type JsonObject } from './plan-json';
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
  /** Resource entries that could not be read: without an address, or without a type and name the address says. */
  readonly unread: number;
  /** Types of the resources the plan only deletes (see {@link PlanResourceEntries}). */
  readonly deletedTypes: ReadonlySet<string>;
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
    const plan = planToResources(read.document, roots);
    plans.push(plan);
    if (plan.unread > 0) {
      const what = plan.unread === 1 ? 'resource entry has' : `${plan.unread} resource entries have`;
      diagnostics.push({ severity: 'warning', file, message: `${what} no address, or no type and name its address says; not checked`, provider: 'terraform' });
    }
  }
  return { plans, diagnostics };
}

export function planToResources(document: PlanDocument, roots: readonly RootModuleResources[]): PlanResources {
  const configuration = new PlanConfiguration(objectAt(document.json, 'configuration'));
  const { entries, unread, deletedTypes } = planResources(document);
  const matchedRoot = roots.length === 0 ? undefined
    : matchRoot(document.file, configuration.isEmpty ? entries.map((entry) => configAddress(entry.address)) : configuration.declaredAddresses(), roots);
  const hcl = matchedRoot ? new HclResourceIndex(matchedRoot.resources) : undefined;

  // Resources not in the .tf files (all of them without a matched root; a registry module's otherwise) are shown
  // at their own lines of the plan: one `FileSource` per resource, at its change when the parse saw where that is
  // written on the first line (a plan as Terraform writes it is one line), else where its address is found.
  const hclScopes: (SourceScope | undefined)[] = [];
  const planSources: (FileSource | undefined)[] = [];
  const unlocated: number[] = [];
  const file = document.file;
  const firstLineEnd = lineEnd(document.text);
  entries.forEach((entry, i) => {
    const hclResource = hcl?.find(entry.address);
    if (hclResource) hclScopes[i] = hclSourceScope(hclResource, entry.address);
    else if (entry.addressOffset !== undefined && entry.addressOffset < firstLineEnd) {
      planSources[i] = { kind: 'file', file, line: 1, column: entry.addressOffset + 1, address: entry.address };
    } else unlocated.push(i);
  });
  forEachAddressPosition(document.text, unlocated.map((i) => entries[i]?.address ?? ''), (found, line, column) => {
    const i = unlocated[found] ?? -1;
    planSources[i] = { kind: 'file', file, line, column, address: entries[i]?.address ?? '' };
  });

  const context: PlanContext = { configuration, instances: instancesByBase(entries) };
  // Resources of one module instance share its scope: parsed once, not once per resource.
  const moduleScopes = new Map<string, ModuleScope>();
  const resources = entries.map((entry, i) => {
    let scope = moduleScopes.get(entry.modulePath);
    if (!scope) {
      scope = moduleScope(moduleCallPath(entry.modulePath), moduleSegments(entry.modulePath));
      moduleScopes.set(entry.modulePath, scope);
    }
    const hclScope = hclScopes[i];
    const source = hclScope?.body ?? planSources[i] ?? { kind: 'file', file, address: entry.address };
    return new PlanResource(entry, scope, source, hclScope, context);
  });
  return { file: document.file, resources, unread, deletedTypes, ...(matchedRoot && { matchedRoot }) };
}

/** What every resource of one plan converts its body with. */
interface PlanContext {
  readonly configuration: PlanConfiguration;
  /** Resources with instances, by their address without the instance key (`aws_x.y`). */
  readonly instances: ReadonlyMap<string, InstanceIndex>;
}

/**
 * A resource instance of a plan. Its body is converted when an adapter first reads it: most resources of a real
 * plan (IAM, compute, storage) are of types no adapter reads. A class with the getter on its prototype rather than
 * an object literal with its own getter: a large plan has tens of thousands of resources, and a getter per object
 * costs each one its own closure and hidden class (about 500 bytes).
 */
class PlanResource implements TfResource, BodyContext {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly modulePath: string;
  declare readonly instanceKey?: string | number;
  readonly source: FileSource;
  // The entry's values, not the entry: it is dropped once the plan's resources are made.
  readonly #values: JsonObject;
  readonly #unknowns: unknown;
  readonly #scope: ModuleScope;
  /** The .tf block's locations; undefined for a resource shown at its own lines of the plan (`source` for all of it). */
  readonly #hclSources: SourceScope | undefined;
  readonly #context: PlanContext;
  #body: TfBody | undefined;

  constructor(entry: PlanResourceEntry, scope: ModuleScope, source: FileSource, hclSources: SourceScope | undefined, context: PlanContext) {
    this.mode = entry.mode;
    this.type = entry.type;
    this.name = entry.name;
    this.address = entry.address;
    this.modulePath = entry.modulePath;
    if (entry.index !== undefined) this.instanceKey = entry.index;
    this.source = source;
    this.#values = entry.values;
    this.#unknowns = entry.unknowns;
    this.#scope = scope;
    this.#hclSources = hclSources;
    this.#context = context;
  }

  get body(): TfBody {
    this.#body ??= this.#convert();
    return this.#body;
  }

  #convert(): TfBody {
    const declaration = this.#context.configuration.resource(this.#scope, resourceKey(this.mode, this.type, this.name));
    // A block without arguments has no `expressions`: nothing is written in it.
    const config = declaration ? (objectAt(declaration, 'expressions') ?? {}) : undefined;
    return planBody(this.#values, this.#unknowns, config, this.#hclSources ?? singleSourceScope(this.source), this);
  }

  inputsOf(expression: unknown): readonly string[] {
    return this.#context.configuration.inputs(expression, this.#scope);
  }

  /** What an expression of this resource's configuration refers to: the resource is its attributes' `BodyContext`. */
  refsOf(expression: unknown, value: TfValue): readonly string[] {
    const refs = this.#context.configuration.refs(expression, this.#scope);
    const instances = this.#context.instances;
    const index = this.instanceKey;
    // `aws_x.y[each.key].arn` is listed in the configuration as `aws_x.y` and `each.key`: the key is lost, and the ref
    // would name every instance of `aws_x.y`. When the expression uses `each` or `count` and `aws_x.y` has an
    // instance with the referring instance's own key (the common `for_each = var.stages` on both), that one is meant.
    const keyed = index === undefined || !usesInstanceKey(expression) ? refs : narrowed(refs, instances, (of) => of.byKey.get(index));
    // `aws_x.y[each.value.path].id` loses its key too, and no key of the referring instance says which. When the value
    // is known (the instance exists already: most resources of a plan of running infrastructure) and is the planned
    // `id` of one instance, that one is meant.
    return typeof value === 'string' ? narrowed(keyed, instances, (of) => of.byId.get(value) ?? undefined) : keyed;
  }
}

/** The end of the first line of `text` (its length when it has one line). */
function lineEnd(text: string): number {
  const newline = text.indexOf('\n');
  return newline === -1 ? text.length : newline;
}

/** The instances of one resource with `count` / `for_each`, by instance key and by planned `id`. */
interface InstanceIndex {
  readonly byKey: Map<string | number, string>;
  /** `null` for an id two instances share (not seen from AWS, but plans are input): neither is meant. */
  readonly byId: Map<string, string | null>;
}

/** `refs` with each ref to a resource with instances replaced by the instance `pick` chooses; copied only when one is (most refs name a resource without instances). */
function narrowed(refs: readonly string[], instances: ReadonlyMap<string, InstanceIndex>, pick: (of: InstanceIndex) => string | undefined): readonly string[] {
  let copy: string[] | undefined;
  refs.forEach((ref, i) => {
    const of = instances.get(ref);
    const instance = of && pick(of);
    if (instance !== undefined) (copy ??= [...refs])[i] = instance;
  });
  return copy ?? refs;
}

function instancesByBase(entries: readonly PlanResourceEntry[]): Map<string, InstanceIndex> {
  const instances = new Map<string, InstanceIndex>();
  for (const { address, index, values } of entries) {
    const base = index === undefined ? undefined : withoutInstanceKey(address, index) ?? withoutLastKey(address);
    if (base === undefined || index === undefined) continue;
    let instance = instances.get(base);
    if (!instance) instances.set(base, (instance = { byKey: new Map(), byId: new Map() }));
    instance.byKey.set(index, address);
    const id = values['id'];
    if (typeof id === 'string' && id !== '') instance.byId.set(id, instance.byId.has(id) ? null : address);
  }
  return instances;
}

/** The address without its last bracketed key, whatever it holds (escapes included); undefined without one. */
function withoutLastKey(address: string): string | undefined {
  if (!address.endsWith(']')) return undefined;
  let keyStart = -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b && depth++ === 0) keyStart = i;
    else if (c === 0x5d) depth--;
  }
  return keyStart > 0 ? address.slice(0, keyStart) : undefined;
}

function usesInstanceKey(expression: unknown): boolean {
  for (const ref of arrayAt(expression, 'references')) if (typeof ref === 'string' && (ref.startsWith('each.') || ref === 'count.index')) return true;
  return false;
}

/** The directory whose root label scopes the node ids of a plan's resources. */
export function planRootDir(plan: PlanResources): string {
  return plan.matchedRoot?.rootDir ?? dirname(plan.file);
}
