import { withoutInstanceKey } from '../instance-key';
import { isUnknown, type TfAttribute, type TfResource } from '../model';
import { parseAddress, type ParsedAddress } from './address';
import { compositeKey, groupBy } from './group-by';
import { attribute, knownString } from './read-attr';

/**
 * Resolves the resource addresses recorded in `TfAttribute.refs` to the scanned resources.
 * A ref with an instance key names that instance; a ref without one (`aws_x.y` when `y` has count or for_each)
 * names every instance. A ref to nothing scanned is dangling: callers keep it as an edge to its computed id.
 */
export class Linker {
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byBase = new Map<string, TfResource[]>();
  /** Managed resources by type, in scan order: adapters ask for a type again inside their loops. */
  private readonly managedByType = new Map<string, TfResource[]>();
  /** Parsed refs; `null` for text that is not a resource address. */
  private readonly parsed = new Map<string, ParsedAddress | null>();
  /** `ref:<address>` of each ref an identity was asked of, so that equal identities are one string. */
  private readonly refIdentities = new Map<string, string>();
  private readonly byKnownString = new Map<string, Map<string, TfResource[]>>();
  private readonly byKnownStringOn = new Map<string, Map<string, TfResource[]>>();
  private readonly nodeIds = new Map<string, string>();
  private readonly aloneLists = new Map<TfResource, readonly TfResource[]>();

  readonly resources: readonly TfResource[];
  /** The root label with its `:` (see `rootLabel` in root-scope.ts); empty when adapters run on their own (unit tests). */
  private readonly rootPrefix: string;

  /** Of a plan: types of the resources it only deletes, which are not among `resources`. */
  private readonly deletedTypes: ReadonlySet<string>;

  constructor(resources: readonly TfResource[], rootLabel?: string, deletedTypes: ReadonlySet<string> = NO_TYPES) {
    this.resources = resources;
    this.deletedTypes = deletedTypes;
    this.rootPrefix = rootLabel === undefined ? '' : `${rootLabel}:`;
    for (const resource of resources) {
      this.byAddress.set(resource.address, resource);
      push(this.byBase, baseAddress(resource), resource);
      if (resource.mode === 'managed') push(this.managedByType, resource.type, resource);
    }
  }

  /**
   * The graph id of the node made from a resource address (sub-nodes add a `#suffix`), in the root module being
   * adapted: `terraform:envs/prod:aws_api_gateway_rest_api.api`.
   */
  nodeId(address: string, suffix = ''): string {
    if (suffix !== '') return `terraform:${this.rootPrefix}${address}${suffix}`;
    // One string per address: adapters ask for the same ids again (edges, lookups), and the graph hashes each id it
    // is handed; an id built anew is a new string to flatten and hash every time.
    let id = this.nodeIds.get(address);
    if (id === undefined) {
      id = `terraform:${this.rootPrefix}${address}`;
      this.nodeIds.set(address, id);
    }
    return id;
  }

  /** Whether the plan being adapted deletes resources of `type`: what the others' planned values show may be undone. */
  deletes(type: string): boolean {
    return this.deletedTypes.has(type);
  }

  /** Managed resources of a type, in scan order. */
  ofType(type: string): readonly TfResource[] {
    return this.managedByType.get(type) ?? NONE;
  }

  /**
   * Managed resources of a type whose attribute `name` is the known string `value`, in scan order: how adapters find
   * what a literal names (a domain by host name, a stage by name). Indexed on first use, so a large plan stays linear.
   */
  ofTypeWhere(type: string, name: string, value: string): readonly TfResource[] {
    const key = `${type}\u0000${name}`;
    let index = this.byKnownString.get(key);
    if (!index) {
      index = groupBy(this.ofType(type), (resource) => knownString(resource.body, name));
      this.byKnownString.set(key, index);
    }
    return index.get(value) ?? NONE;
  }

  /**
   * {@link ofTypeWhere} narrowed to the resources whose attribute `on.attribute` has the {@link identity} `on.identity`
   * among `on.types` (a stage by name on one API), in scan order. Indexed on first use: filtering the named resources
   * per caller is quadratic when every API of a large plan has a `prod` stage.
   */
  ofTypeWhereOn(
    type: string, name: string, value: string, on: { readonly attribute: string; readonly types: readonly string[]; readonly identity: string },
  ): readonly TfResource[] {
    const key = compositeKey(type, name, on.attribute, ...on.types) ?? '';
    let index = this.byKnownStringOn.get(key);
    if (!index) {
      index = groupBy(this.ofType(type), (resource) =>
        compositeKey(knownString(resource.body, name), this.identity(attribute(resource.body, on.attribute), on.types)));
      this.byKnownStringOn.set(key, index);
    }
    return index.get(compositeKey(value, on.identity) ?? '') ?? NONE;
  }

  /** Scanned resources a ref names: the exact instance, else every instance of the base address. */
  resolve(ref: string): readonly TfResource[] {
    const exact = this.byAddress.get(ref);
    if (exact) return this.alone(exact);
    const parsed = this.parse(ref);
    if (!parsed) return NONE;
    const all = this.byBase.get(parsed.base) ?? NONE;
    if (parsed.instanceSuffix === '') return all;
    // `aws_x.y[0]` where y's count or for_each is unknown (`count = var.enabled ? 1 : 0`): the one instance scanned
    // stands for whichever instances exist, so it is the one named.
    return all.length === 1 && isUnknown(all[0]?.instanceKey) ? all : NONE;
  }

  /** `[resource]`, one list per resource however often it is resolved. */
  private alone(resource: TfResource): readonly TfResource[] {
    let list = this.aloneLists.get(resource);
    if (!list) {
      list = Object.freeze([resource]);
      this.aloneLists.set(resource, list);
    }
    return list;
  }

  /** Refs of an attribute that point at one of `types` (managed resources, or data sources when `data.` is part of the type). */
  refsTo(attribute: TfAttribute | undefined, types: readonly string[]): readonly string[] {
    if (!attribute || attribute.refs.length === 0) return NO_REFS;
    // Most attributes refer to nothing of the asked types: no list is made for them.
    let found: string[] | undefined;
    for (const ref of attribute.refs) {
      if (this.names(ref, types)) (found ??= []).push(ref);
    }
    return found ?? NO_REFS;
  }

  /** Whether a ref names a resource of one of `types` (`data.<type>` for data sources). */
  private names(ref: string, types: readonly string[]): boolean {
    const named = this.named(ref);
    return named !== undefined && isOfType(named, types);
  }

  /** The mode and type of what a ref names. Most refs name a scanned instance, known without parsing the ref. */
  private named(ref: string): Pick<ParsedAddress, 'mode' | 'type'> | undefined {
    return this.byAddress.get(ref) ?? this.parse(ref);
  }

  /** `parseAddress`, memoised: the same refs are parsed again for every adapter that reads them. */
  private parse(ref: string): ParsedAddress | undefined {
    let parsed = this.parsed.get(ref);
    if (parsed === undefined) {
      parsed = parseAddress(ref) ?? null;
      this.parsed.set(ref, parsed);
    }
    return parsed ?? undefined;
  }

  /** Scanned resources of `types` an attribute refers to. */
  targets(attribute: TfAttribute | undefined, types: readonly string[]): TfResource[] {
    const found: TfResource[] = [];
    for (const ref of this.refsTo(attribute, types)) for (const resource of this.resolve(ref)) found.push(resource);
    return found;
  }

  /**
   * The one scanned resource of `types` an attribute refers to; `undefined` when it refers to none or to several
   * (counted as {@link targets} lists them). Asked once per method of a large plan: no list is made.
   */
  soleTarget(attribute: TfAttribute | undefined, types: readonly string[]): TfResource | undefined {
    if (!attribute) return undefined;
    let sole: TfResource | undefined;
    for (const ref of attribute.refs) {
      if (!this.names(ref, types)) continue;
      for (const resource of this.resolve(ref)) {
        if (sole) return undefined;
        sole = resource;
      }
    }
    return sole;
  }

  /**
   * What an attribute points at, for matching resources that name the same thing: the referenced resource's
   * address, else the literal value (`rest_api_id = "a1b2c3"`); `undefined` when neither is known.
   */
  identity(attribute: TfAttribute | undefined, types: readonly string[]): string | undefined {
    if (!attribute) return undefined;
    // An API looked up with a data source (`data.aws_api_gateway_rest_api.x.id`) is the same API for every resource naming it.
    for (const ref of attribute.refs) {
      const named = this.named(ref);
      if (named && (types.includes(named.type) || (named.mode === 'data' && types.includes(`data.${named.type}`)))) return this.refIdentity(ref);
    }
    const value = attribute.value;
    return typeof value === 'string' || typeof value === 'number' ? `literal:${value}` : undefined;
  }

  /** The identity of what a ref names: the one resource it resolves to, else the ref itself. */
  private refIdentity(ref: string): string {
    let identity = this.refIdentities.get(ref);
    if (identity === undefined) {
      const resolved = this.resolve(ref);
      const only = resolved.length === 1 ? resolved[0] : undefined;
      identity = `ref:${only ? only.address : ref}`;
      this.refIdentities.set(ref, identity);
    }
    return identity;
  }

  /**
   * Graph ids an attribute links to among `types`: one per resolved resource, or the computed id of a dangling ref.
   * `suffixFor` picks the sub-node of a resource (e.g. the inline stage of a deployment).
   */
  ids(attribute: TfAttribute | undefined, types: readonly string[], suffixFor: (resource: TfResource) => string = NO_SUFFIX): readonly string[] {
    if (!attribute) return NO_REFS;
    // Asked several times for every method and integration of a large plan: no list is made until an id is found.
    let ids: string[] | undefined;
    for (const ref of attribute.refs) {
      // Most refs name one scanned instance: its id, without parsing the ref or making a list of it.
      const exact = this.byAddress.get(ref);
      if (exact) {
        if (isOfType(exact, types)) (ids ??= []).push(this.nodeId(exact.address, suffixFor(exact)));
        continue;
      }
      if (!this.names(ref, types)) continue;
      const resolved = this.resolve(ref);
      if (resolved.length === 0) (ids ??= []).push(this.nodeId(ref));
      for (const resource of resolved) (ids ??= []).push(this.nodeId(resource.address, suffixFor(resource)));
    }
    return ids ? uniqueIds(ids) : NO_REFS;
  }

  /**
   * {@link ids}, else the ids of the resources of `types` whose own `id` is the attribute's known string: a state (or a
   * plan read without its configuration) writes what a resource points at as the literal id, with no reference.
   */
  idsOrKnownId(attribute: TfAttribute | undefined, types: readonly string[]): readonly string[] {
    const ids = this.ids(attribute, types);
    const value = attribute?.value;
    if (ids.length > 0 || typeof value !== 'string' || value === '') return ids;
    return uniqueIds(types.flatMap((type) => this.ofTypeWhere(type, 'id', value).map((resource) => this.nodeId(resource.address))));
  }
}

/** Whether a resource (or parsed ref) is of one of `types`, `data.<type>` naming data sources. */
function isOfType(named: Pick<ParsedAddress, 'mode' | 'type'>, types: readonly string[]): boolean {
  return types.includes(named.mode === 'data' ? `data.${named.type}` : named.type);
}

/** The address of every instance of a resource: its own address without the instance key. */
function baseAddress(resource: TfResource): string {
  const { address, instanceKey } = resource;
  if (!address.endsWith(']')) return address;
  // The key as Terraform writes it ends the address: cut it off rather than parse the address.
  const cut = typeof instanceKey === 'number' || typeof instanceKey === 'string' ? withoutInstanceKey(address, instanceKey) : undefined;
  return cut ?? parseAddress(address)?.base ?? address;
}

const NONE: readonly TfResource[] = Object.freeze([]);
const NO_TYPES: ReadonlySet<string> = new Set();
const NO_REFS: readonly string[] = Object.freeze([]);
const NO_SUFFIX = (): string => '';

/**
 * The ids without repeats, in first-seen order. Short lists (the usual one to three ids) are looked through rather
 * than hashed into a Set; a ref to every instance of a large `for_each` still dedupes in linear time.
 */
export function uniqueIds(ids: readonly string[]): readonly string[] {
  if (ids.length < 2) return ids;
  if (ids.length <= 8) return ids.every((id, i) => ids.indexOf(id) === i) ? ids : ids.filter((id, i) => ids.indexOf(id) === i);
  return [...new Set(ids)];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
