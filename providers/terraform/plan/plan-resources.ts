import type { PlanDocument } from './read-plan';
import { parseAddress } from '../adapt/address';
import { arrayAt, isObject, objectAt, stringAt, type JsonObject } from './plan-json';

/** One resource instance of a plan's planned values or of a state, with what is unknown about it. */
export interface PlanResourceEntry {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `index` of a `count` / `for_each` instance. */
  readonly index?: string | number;
  /** `module.api["x"]`, empty at the root. */
  readonly modulePath: string;
  readonly values: JsonObject;
  /** `after_unknown` of the resource's change (plans only). */
  readonly unknowns: unknown;
  /** The offset in the plan's text of the `"address"` key of the resource's change, when the parse found it. */
  readonly addressOffset: number | undefined;
}

/** The changes of a plan, with where each names its resource; by address, the index of each that leaves a resource. */
interface Changes {
  readonly list: readonly unknown[];
  readonly addressOffsets: readonly number[] | undefined;
  readonly byAddress: ReadonlyMap<string, number>;
}

const MAX_MODULE_DEPTH = 64;

/** The entries read, and how many resource entries could not be (no address, or no type and name it says). */
export interface PlanResourceEntries {
  readonly entries: PlanResourceEntry[];
  unread: number;
  /** Types of the resources the plan only deletes: what the planned values of the others may still show them doing. */
  readonly deletedTypes: Set<string>;
}

/**
 * The resource instances a plan leaves in place: `planned_values` (root and child modules), with `after_unknown`
 * from `resource_changes`; resources only being deleted are not checked. A state's instances are its `values`.
 * https://developer.hashicorp.com/terraform/internals/json-format#values-representation
 */
export function planResources(document: PlanDocument): PlanResourceEntries {
  const entries: PlanResourceEntries = { entries: [], unread: 0, deletedTypes: new Set() };
  const list = arrayAt(document.json, 'resource_changes');
  const byAddress = new Map<string, number>();
  const changes: Changes = { list, addressOffsets: document.changeAddressOffsets, byAddress };
  if (document.kind === 'state') {
    collectModule(objectAt(objectAt(document.json, 'values'), 'root_module'), '', changes, entries, 0);
    return entries;
  }
  list.forEach((change, i) => {
    const address = stringAt(change, 'address');
    // A deposed object is an old copy of a replaced resource, about to be destroyed.
    if (address === undefined || !isObject(change) || change['deposed'] !== undefined) return;
    byAddress.set(address, i);
    if (isDeleteOnly(change)) entries.deletedTypes.add(stringAt(change, 'type') ?? parseAddress(address)?.type ?? '');
  });
  const planned = objectAt(objectAt(document.json, 'planned_values'), 'root_module');
  if (planned) collectModule(planned, '', changes, entries, 0);
  else collectChanges(changes, entries);
  return entries;
}

function collectModule(module: JsonObject | undefined, modulePath: string, changes: Changes, out: PlanResourceEntries, depth: number): void {
  if (!module || depth > MAX_MODULE_DEPTH) return;
  for (const resource of arrayAt(module, 'resources')) {
    const i = changes.byAddress.get(stringAt(resource, 'address') ?? '');
    const change = changeAt(changes, i);
    if (change && isDeleteOnly(change)) continue;
    const entry = toEntry(resource, modulePath, objectAt(resource, 'values'), objectAt(change, 'change')?.['after_unknown'], addressOffset(changes, i));
    if (entry) out.entries.push(entry);
    else out.unread++;
  }
  for (const child of arrayAt(module, 'child_modules')) {
    if (isObject(child)) collectModule(child, stringAt(child, 'address') ?? modulePath, changes, out, depth + 1);
  }
}

/** Plans without `planned_values` (not written by Terraform itself, but seen from other tools): the changes' `after`. */
function collectChanges(changes: Changes, out: PlanResourceEntries): void {
  for (const i of changes.byAddress.values()) {
    const change = changeAt(changes, i);
    if (!change || isDeleteOnly(change)) continue;
    const body = objectAt(change, 'change');
    const entry = toEntry(change, stringAt(change, 'module_address') ?? '', objectAt(body, 'after'), body?.['after_unknown'], addressOffset(changes, i));
    if (entry) out.entries.push(entry);
    else out.unread++;
  }
}

function changeAt(changes: Changes, i: number | undefined): JsonObject | undefined {
  const change = i === undefined ? undefined : changes.list[i];
  return isObject(change) ? change : undefined;
}

function addressOffset(changes: Changes, i: number | undefined): number | undefined {
  const offset = i === undefined ? undefined : changes.addressOffsets?.[i];
  return offset !== undefined && offset >= 0 ? offset : undefined;
}

function toEntry(resource: unknown, modulePath: string, values: JsonObject | undefined, unknowns: unknown, addressOffset: number | undefined): PlanResourceEntry | undefined {
  const written = stringAt(resource, 'address');
  if (written === undefined || !isObject(resource)) return undefined;
  const address = withIndex(written, resource['index']);
  // Terraform writes type, name and mode; plans written by other tools may have the address alone, which says them.
  const parts = { type: stringAt(resource, 'type'), name: stringAt(resource, 'name'), mode: stringAt(resource, 'mode') };
  const parsed = parts.type === undefined || parts.name === undefined || parts.mode === undefined ? parseAddress(address) : undefined;
  const type = parts.type ?? parsed?.type;
  const name = parts.name ?? parsed?.name;
  // Its module too, when the entry sits at the root of a tree written by another tool.
  const module = modulePath === '' && parsed ? parsed.modulePath : modulePath;
  if (type === undefined || name === undefined) return undefined;
  const index = resource['index'];
  const mode = (parts.mode ?? parsed?.mode) === 'data' ? 'data' : 'managed';
  // Two literals rather than a spread of `{ index }`: one entry per resource instance of a large plan.
  return typeof index === 'string' || typeof index === 'number'
    ? { address, mode, type, name, index, modulePath: module, values: values ?? {}, unknowns, addressOffset }
    : { address, mode, type, name, modulePath: module, values: values ?? {}, unknowns, addressOffset };
}

/**
 * The address of an instance with its key. Early Terraform 0.12 releases wrote the instances of a `count` resource
 * in states with the resource's address and the key in `index` alone, so that they shared one address
 * (hashicorp/terraform#24110).
 */
function withIndex(address: string, index: unknown): string {
  if (address.endsWith(']')) return address;
  if (typeof index === 'number') return `${address}[${index}]`;
  return typeof index === 'string' ? `${address}[${JSON.stringify(index)}]` : address;
}

/** `["delete"]`; a replacement (`["delete","create"]`, `["create","delete"]`) leaves a resource to check. */
function isDeleteOnly(change: JsonObject): boolean {
  const actions = arrayAt(objectAt(change, 'change'), 'actions');
  return actions.length > 0 && actions.every((action) => action === 'delete');
}
