import { arrayAt, isObject, objectAt, referencesOf, stringAt, type JsonObject } from './plan-json';
import { splitTraversal, withoutKey } from './traversal';

/** Where an expression is evaluated: the module call names (for the configuration) and the module instance (for addresses). */
export interface ModuleScope {
  /** `['api', 'stage']` for `module.api["x"].module.stage`. */
  readonly callPath: readonly string[];
  /** `['module.api["x"]', 'module.stage']`. */
  readonly instance: readonly string[];
  /** `instance` joined: what references are cached by. */
  readonly key: string;
  /** `callPath` joined: what the configuration's modules are found by. */
  readonly callKey: string;
}

export function moduleScope(callPath: readonly string[], instance: readonly string[]): ModuleScope {
  return { callPath, instance, key: instance.join('.'), callKey: callPath.join('.') };
}

/** Resource types are `<provider>_<name>`; `var`, `local`, `each`... are not. */
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9]*_[\w-]+$/;
const NOT_RESOURCES = new Set(['local', 'each', 'count', 'path', 'self', 'terraform']);
const MAX_DEPTH = 32;

/**
 * The `configuration` section of a plan: the resource and module blocks as written, with each expression's
 * references. References become `TfAttribute.refs`: resource addresses, with module inputs (`var.x`) and module
 * outputs (`module.m.out`) followed to the resources behind them, as the HCL reader does.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */
export class PlanConfiguration {
  private readonly modules = new Map<string, JsonObject>();
  private readonly resourcesByModule = new Map<string, Map<string, JsonObject>>();
  private readonly cache = new WeakMap<object, Map<string, readonly string[]>>();

  constructor(configuration: JsonObject | undefined) {
    const root = objectAt(configuration, 'root_module');
    if (root) this.index(root, []);
  }

  get isEmpty(): boolean {
    return this.modules.size === 0;
  }

  /** The `resource` / `data` block of `type.name` (or `data.type.name`) in the module of `scope`. */
  resource(scope: ModuleScope, localAddress: string): JsonObject | undefined {
    return this.resourcesByModule.get(scope.callKey)?.get(localAddress);
  }

  /** Every declared resource, by configuration address (`module.api.aws_x.y`, no instance keys). */
  declaredAddresses(): string[] {
    const addresses: string[] = [];
    for (const [key, resources] of this.resourcesByModule) {
      const prefix = key === '' ? '' : `${key.split('.').map((name) => `module.${name}`).join('.')}.`;
      for (const local of resources.keys()) addresses.push(`${prefix}${local}`);
    }
    return addresses;
  }

  /** Resource addresses an expression refers to, in the given module instance. */
  refs(expression: unknown, scope: ModuleScope): readonly string[] {
    if (!isObject(expression)) return [];
    const scopeKey = scope.key;
    let byScope = this.cache.get(expression);
    if (!byScope) {
      byScope = new Map();
      this.cache.set(expression, byScope);
    }
    const known = byScope.get(scopeKey);
    if (known) return known;
    const found = mostSpecific(this.resolve(referencesOf(expression), scope, 0));
    byScope.set(scopeKey, found);
    return found;
  }

  /**
   * The root module's variables without a default that an expression's value comes from, through module inputs and
   * outputs: values given when Terraform runs (`-var`, `TF_VAR_`, a CI secret), not written in the configuration.
   */
  inputs(expression: unknown, scope: ModuleScope): readonly string[] {
    const inputs: string[] = [];
    this.resolve(referencesOf(expression), scope, 0, inputs);
    return inputs;
  }

  private index(module: JsonObject, callPath: readonly string[]): void {
    const key = callPath.join('.');
    this.modules.set(key, module);
    const resources = new Map<string, JsonObject>();
    for (const resource of arrayAt(module, 'resources')) {
      const address = stringAt(resource, 'address');
      if (address !== undefined && isObject(resource)) resources.set(address, resource);
    }
    this.resourcesByModule.set(key, resources);
    const calls = objectAt(module, 'module_calls') ?? {};
    for (const name of Object.keys(calls)) {
      const child = objectAt(calls[name], 'module');
      if (child && callPath.length < MAX_DEPTH) this.index(child, [...callPath, name]);
    }
  }

  /** Resource addresses the references lead to; root variables without a default they lead to are added to `inputs`. */
  private resolve(references: readonly string[], scope: ModuleScope, depth: number, inputs?: string[]): string[] {
    if (depth > MAX_DEPTH) return [];
    const out: string[] = [];
    const prefix = scope.instance.length === 0 ? '' : `${scope.instance.join('.')}.`;
    for (const ref of references) {
      const parts = splitTraversal(ref);
      const [head, second, third] = parts;
      if (head === undefined || second === undefined || NOT_RESOURCES.has(head)) continue;
      if (head === 'var') out.push(...this.variable(withoutKey(second), scope, depth, inputs));
      else if (head === 'module') {
        // `module.m` is listed as implied by `module.m.out`: follow only the outputs named, or all when none is.
        if (third !== undefined) out.push(...this.output(second, withoutKey(third), scope, depth, inputs));
        else if (!references.some((other) => other.startsWith(`${ref}.`))) out.push(...this.allOutputs(second, scope, depth, inputs));
      } else if (head === 'data') {
        if (third !== undefined && RESOURCE_TYPE.test(second)) out.push(`${prefix}data.${second}.${third}`);
      } else if (RESOURCE_TYPE.test(head)) out.push(`${prefix}${head}.${second}`);
    }
    return out;
  }

  /** `var.x` in a module: the references of the argument its caller passes. */
  private variable(name: string, scope: ModuleScope, depth: number, inputs?: string[]): string[] {
    const callName = scope.callPath[scope.callPath.length - 1];
    if (callName === undefined) {
      // A root variable: its value comes with the plan, from the configuration's default or from outside it.
      const declared = objectAt(objectAt(this.modules.get(''), 'variables'), name);
      // `default = null` is written as a null default: no value in the code either.
      if (inputs && (declared?.['default'] === undefined || declared['default'] === null)) inputs.push(name);
      return [];
    }
    const parent = moduleScope(scope.callPath.slice(0, -1), scope.instance.slice(0, -1));
    const call = objectAt(objectAt(this.modules.get(parent.callKey), 'module_calls'), callName);
    return this.resolve(referencesOf(objectAt(objectAt(call, 'expressions'), name)), parent, depth + 1, inputs);
  }

  /** `module.m.out` (or `module.m["k"].out`): the references of the output's expression inside that module. */
  private output(callWithKey: string, output: string, scope: ModuleScope, depth: number, inputs?: string[]): string[] {
    const child = this.child(callWithKey, scope);
    const expression = objectAt(objectAt(objectAt(child.module, 'outputs'), output), 'expression');
    return this.resolve(referencesOf(expression), child.scope, depth + 1, inputs);
  }

  private allOutputs(callWithKey: string, scope: ModuleScope, depth: number, inputs?: string[]): string[] {
    const child = this.child(callWithKey, scope);
    const outputs = objectAt(child.module, 'outputs') ?? {};
    return Object.keys(outputs).flatMap((name) => this.resolve(referencesOf(objectAt(outputs[name], 'expression')), child.scope, depth + 1, inputs));
  }

  private child(callWithKey: string, scope: ModuleScope): { module: JsonObject | undefined; scope: ModuleScope } {
    const callPath = [...scope.callPath, withoutKey(callWithKey)];
    const inner = moduleScope(callPath, [...scope.instance, `module.${callWithKey}`]);
    return { module: this.modules.get(inner.callKey), scope: inner };
  }
}

/**
 * Terraform lists `aws_x.y["k"]` and, implied by it, `aws_x.y`. The unkeyed form would name every instance:
 * keep it only when no keyed form of the same resource is there.
 */
function mostSpecific(refs: readonly string[]): string[] {
  const unique = [...new Set(refs)];
  return unique.filter((ref) => ref.endsWith(']') || !unique.some((other) => other.length > ref.length && other.startsWith(`${ref}[`)));
}
