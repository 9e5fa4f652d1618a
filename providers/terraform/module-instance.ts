import { resolve } from 'node:path';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { fileSource, type FileSource } from '../../src/graph/source';
import type { ModuleFiles } from './module-files';
import type { GlobPattern } from './glob-pattern';
import type { Expr, HclBody, Step, TemplatePart } from './hcl/ast';
import type { EvalBudget, EvalContext, RootResolver } from './hcl/context';
import { BudgetExceededError, MAX_LAZY_DEPTH } from './hcl/context';
import { applySteps, evaluate, evaluateOrUnknown, renderTemplate, takeStep } from './hcl/evaluate';
import { HclEvalError, isObject, isWhollyKnown, objectFrom, unknownNonEmptyString, unknownValue } from './hcl/value';
import { policyDocument } from './iam-policy-document';
import type { Evaluated } from './evaluate-body';
import { evaluateBody } from './evaluate-body';
import type { Expansion, Instance } from './instance-expansion';
import { expansionOf, findInstance, instanceSuffix, instancesOf } from './instance-expansion';
import type { ModuleCallDecl, ModuleConfig, ResourceDecl } from './module-config';
import { isLocalSource, resourceKey } from './module-config';
import type { TfResource, TfValue } from './model';
import { isUnknown } from './model';
import { moduleCallPath } from './plan/traversal';
import { convertToType } from './type-constraint';

/** Shared by all module instances of one root module. */
export interface ModuleEnvironment {
  readonly budget: EvalBudget;
  readonly rootDir: string;
  readonly diagnostics: Diagnostic[];
  /** The parsed configuration of a local module directory, or undefined when it has no readable .tf file. */
  readonly loadModule: (dir: string) => ModuleConfig | undefined;
  /** `file()`, `fileexists()`, `fileset()`: the files under the module directory. */
  readonly files: Pick<ModuleFiles, 'read' | 'exists' | 'list'>;
  /** `templatefile()`: reads and parses a template under the module directory, or undefined. */
  readonly readTemplate: (path: string, moduleDir: string) => readonly TemplatePart[] | undefined;
  /** Parses template text (the `template` of a `template_file` data source), or undefined when it does not parse. */
  readonly parseTemplate: (text: string, file: string) => readonly TemplatePart[] | undefined;
  /** Keys of diagnostics already reported, so each is reported once. */
  readonly reported: Set<string>;
  /** Registry and git modules downloaded by `terraform init`, by module call path (`api`, `api.stage`): absolute directories. */
  readonly downloadedModules?: ReadonlyMap<string, string>;
}

/** Values given to a root module's variables from .tfvars files. */
export type VariableValues = ReadonlyMap<string, TfValue>;

/** Arguments of module blocks that are not input variables. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Arguments and blocks of a resource block that are Terraform's, not the resource's. */
const RESOURCE_META_ARGUMENTS = ['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'dynamic'];

const MAX_MODULE_DEPTH = 32;

const NO_BINDINGS: ReadonlyMap<string, TfValue> = new Map();

type Memo = { state: 'busy' } | { state: 'done'; result: Evaluated };

/** A resource address as referred to in a module: `key` is `type.name` or `data.type.name`, `base` has the module path. */
interface ResourceRef {
  readonly key: string;
  readonly base: string;
  readonly decl: ResourceDecl | undefined;
}

/**
 * One instance of a module (the root, or `module.x["k"]`): resolves `var.*`, `local.*`, resource and
 * module references lazily, with cycle detection, and lists its resources with evaluated bodies.
 */
export class ModuleInstance implements RootResolver {
  readonly config: ModuleConfig;
  /** `module.a["k"].module.b`, empty at the root. */
  readonly modulePath: string;
  private readonly env: ModuleEnvironment;
  private readonly inputs: ReadonlyMap<string, () => Evaluated>;
  private readonly variableValues: VariableValues;
  private readonly variableSources: ReadonlyMap<string, FileSource>;
  private readonly ancestry: readonly string[];
  private readonly memo = new Map<string, Memo>();
  /** Attribute values of resource instances, by resource, instance suffix and attribute name (no `attr:` key to build on each reference). */
  private readonly attributeMemos = new Map<ResourceDecl, Map<string, Map<string, Memo>>>();
  private readonly expansions = new Map<ResourceDecl | ModuleCallDecl, Expansion>();
  /** By type, then name: a reference finds its resource without building and hashing its address again. */
  private readonly managedRefs = new Map<string, Map<string, ResourceRef>>();
  private readonly dataRefs = new Map<string, Map<string, ResourceRef>>();
  private readonly children = new Map<string, ModuleInstance | undefined>();
  /** `file()` in this module's expressions: one closure per instance rather than per expression. */
  private readonly readFile = (path: string): string | undefined => this.env.files.read(path, this.config.dir);
  private readonly fileExists = (path: string): boolean | undefined => this.env.files.exists(path, this.config.dir);
  private readonly listFiles = (dir: string, pattern: GlobPattern): readonly string[] | undefined => this.env.files.list(dir, this.config.dir, pattern);
  private readonly readTemplate = (path: string): readonly TemplatePart[] | undefined => this.env.readTemplate(path, this.config.dir);

  constructor(options: {
    config: ModuleConfig;
    modulePath: string;
    env: ModuleEnvironment;
    inputs?: ReadonlyMap<string, () => Evaluated>;
    variableValues?: VariableValues;
    /** Where each of `variableValues` is written (the .tfvars line). */
    variableSources?: ReadonlyMap<string, FileSource>;
    ancestry?: readonly string[];
  }) {
    this.config = options.config;
    this.modulePath = options.modulePath;
    this.env = options.env;
    this.inputs = options.inputs ?? new Map();
    this.variableValues = options.variableValues ?? new Map();
    this.variableSources = options.variableSources ?? new Map();
    this.ancestry = [...(options.ancestry ?? []), options.config.dir];
  }

  /** Evaluates an expression in this module, with the given `each` / `count` / iterator bindings. */
  evaluateExpression(expr: Expr, bindings: ReadonlyMap<string, TfValue> = NO_BINDINGS, bindingRefs?: ReadonlyMap<string, readonly string[]>): Evaluated {
    // Most attribute values are literals: no context or reference set to build (charged as `evaluate` charges them).
    if (expr.kind === 'literal') return { value: takeStep(this.env.budget) ? expr.value : unknownValue(expr.text), refs: [] };
    const refs = new Set<string>();
    const context: EvalContext = { resolver: this, bindings, ...(bindingRefs && { bindingRefs }), refs, budget: this.env.budget, readFile: this.readFile, fileExists: this.fileExists, listFiles: this.listFiles, readTemplate: this.readTemplate, baseDir: this.env.rootDir };
    let value: TfValue;
    try {
      value = evaluateOrUnknown(expr, context);
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) throw error;
      value = unknownValue(expr.text);
    }
    // Most expressions refer to nothing: no spread and sort of an empty set.
    const sorted = refs.size === 0 ? [] : [...refs].sort();
    const passed = passedName(expr);
    const origin = passed === undefined ? undefined : (passed.scope === 'var' ? this.variable(passed.name) : this.local(passed.name)).origin;
    const file = typeof value === 'string' ? this.fileRead(expr, bindings, bindingRefs) : undefined;
    return origin || file !== undefined ? { value, refs: sorted, ...(origin && { origin }), ...(file !== undefined && { file }) } : { value, refs: sorted };
  }

  /** The file an expression `file(path)` reads whole, as `file()` resolves it; undefined for any other expression. */
  private fileRead(expr: Expr, bindings: ReadonlyMap<string, TfValue>, bindingRefs?: ReadonlyMap<string, readonly string[]>): string | undefined {
    const argument = expr.kind === 'call' && expr.name === 'file' && expr.args.length === 1 ? expr.args[0] : undefined;
    const path = argument && this.evaluateExpression(argument, bindings, bindingRefs).value;
    return typeof path === 'string' ? resolve(this.env.rootDir, path) : undefined;
  }

  /** All resources of this instance and of the local modules it calls, in declaration order. */
  collectResources(out: TfResource[]): void {
    for (const decl of this.config.resources.values()) {
      const expansion = this.expansion(decl);
      const forEach = expansion.kind !== 'count' && expansion.kind !== 'single' ? decl.block.body.attributes.find((a) => a.name === 'for_each') : undefined;
      const forEachRefs = forEach ? this.evaluateMeta(decl.block.body, 'for_each')?.refs ?? [] : [];
      for (const instance of instancesOf(expansion)) {
        const address = `${this.prefix()}${decl.key}${instanceSuffix(instance.key)}`;
        const eachRefs = forEach ? eachRefsOf(forEach.expr.text, forEachRefs, instance.key) : undefined;
        const body = evaluateBody(decl.block.body, decl.file, address, (expr, bindings) => this.evaluateExpression(expr, bindings, eachRefs), instance.bindings);
        out.push({
          mode: decl.mode,
          type: decl.type,
          name: decl.name,
          address,
          modulePath: this.modulePath,
          ...(instance.key !== undefined && { instanceKey: instance.key }),
          body,
          source: fileSource(decl.file, decl.block.line, decl.block.endLine, address),
        });
      }
    }
    for (const call of this.config.moduleCalls.values()) {
      for (const instance of instancesOf(this.moduleExpansion(call))) this.child(call, instance)?.collectResources(out);
    }
  }

  resolve(name: string, steps: readonly Step[], text: string, context: EvalContext): TfValue {
    const [first, ...rest] = steps;
    const attr = first?.kind === 'attr' ? first.name : undefined;
    switch (name) {
      case 'var':
        return attr === undefined ? unknownValue(text) : this.use(this.variable(attr), rest, text, context);
      case 'local':
        return attr === undefined ? unknownValue(text) : this.use(this.local(attr), rest, text, context);
      case 'path':
        if (attr === 'module') return applySteps(this.config.dir, rest, text, context);
        if (attr === 'root' || attr === 'cwd') return applySteps(this.env.rootDir, rest, text, context);
        return unknownValue(text);
      case 'module':
        return attr === undefined ? unknownValue(text) : this.moduleReference(attr, rest, text, context);
      case 'data': {
        const second = rest[0];
        if (attr === undefined || second?.kind !== 'attr') return unknownValue(text);
        return this.resourceReference(this.resourceRef('data', attr, second.name), rest.slice(1), text, context);
      }
      // terraform.workspace, self, count/each outside a counted block: not knowable statically.
      case 'terraform':
      case 'self':
      case 'count':
      case 'each':
        return unknownValue(text);
      default:
        if (attr === undefined) return unknownValue(text);
        return this.resourceReference(this.resourceRef('managed', name, attr), rest, text, context);
    }
  }

  private prefix(): string {
    return this.modulePath === '' ? '' : `${this.modulePath}.`;
  }

  /** Adds an evaluated value's refs to the current expression and applies the remaining steps. */
  private use(evaluated: Evaluated, steps: readonly Step[], text: string, context: EvalContext): TfValue {
    for (const ref of evaluated.refs) context.refs.add(ref);
    return applySteps(evaluated.value, steps, text, context);
  }

  /** Memoised lazy evaluation; a cycle or too deep a chain gives an unknown value. */
  private lazy(key: string, text: string, compute: () => Evaluated, memo = this.memo): Evaluated {
    const known = memo.get(key);
    if (known?.state === 'done') return known.result;
    if (known?.state === 'busy') return { value: unknownValue(text), refs: [] };
    const budget = this.env.budget;
    if (budget.depth >= MAX_LAZY_DEPTH) return { value: unknownValue(text), refs: [] };
    memo.set(key, { state: 'busy' });
    budget.depth++;
    try {
      const result = compute();
      memo.set(key, { state: 'done', result });
      return result;
    } finally {
      budget.depth--;
      if (memo.get(key)?.state === 'busy') memo.delete(key);
    }
  }

  private variable(name: string): Evaluated {
    return this.lazy(`var.${name}`, `var.${name}`, () => {
      const decl = this.config.variables.get(name);
      if (!decl) return { value: unknownValue(`var.${name}`), refs: [] };
      const input = this.inputs.get(name);
      let result: Evaluated;
      if (input) result = input();
      else if (this.variableValues.has(name)) result = withOrigin({ value: this.variableValues.get(name) ?? null, refs: [] }, this.variableSources.get(name));
      else if (decl.default) result = withOrigin(this.evaluateExpression(decl.default), writtenAt(decl.default, decl.file));
      // No value anywhere: Terraform would prompt for it; here it stays unknown.
      else result = { value: unknownValue(`var.${name}`), refs: [] };
      if (!decl.type) return result;
      return withOrigin({ value: convertToType(result.value, decl.type, (expr) => this.evaluateExpression(expr).value), refs: result.refs }, result.origin);
    });
  }

  private local(name: string): Evaluated {
    return this.lazy(`local.${name}`, `local.${name}`, () => {
      const decl = this.config.locals.get(name);
      if (!decl) return { value: unknownValue(`local.${name}`), refs: [] };
      const evaluated = this.evaluateExpression(decl.attribute.expr);
      return evaluated.origin ? evaluated : withOrigin(evaluated, writtenAt(decl.attribute.expr, decl.file));
    });
  }

  private expansion(decl: ResourceDecl): Expansion {
    let expansion = this.expansions.get(decl);
    if (!expansion) {
      expansion = expansionOf(decl.block, (meta) => this.evaluateMeta(decl.block.body, meta));
      this.expansions.set(decl, expansion);
      this.reportExpansion(expansion, decl.file, decl.block.line, `${this.prefix()}${decl.key}`);
    }
    return expansion;
  }

  private moduleExpansion(call: ModuleCallDecl): Expansion {
    let expansion = this.expansions.get(call);
    if (!expansion) {
      expansion = expansionOf(call.block, (meta) => this.evaluateMeta(call.block.body, meta));
      this.expansions.set(call, expansion);
      this.reportExpansion(expansion, call.file, call.block.line, `${this.prefix()}module.${call.name}`);
    }
    return expansion;
  }

  private resourceRef(mode: ResourceDecl['mode'], type: string, name: string): ResourceRef {
    const byType = mode === 'data' ? this.dataRefs : this.managedRefs;
    let byName = byType.get(type);
    if (!byName) {
      byName = new Map();
      byType.set(type, byName);
    }
    let ref = byName.get(name);
    if (!ref) {
      const key = resourceKey(mode, type, name);
      ref = { key, base: `${this.prefix()}${key}`, decl: this.config.resources.get(key) };
      byName.set(name, ref);
    }
    return ref;
  }

  private evaluateMeta(body: HclBody, name: 'count' | 'for_each'): Evaluated | undefined {
    const meta = body.attributes.find((candidate) => candidate.name === name);
    return meta ? this.lazy(`meta:${body.line}:${name}:${meta.line}`, meta.expr.text, () => this.evaluateExpression(meta.expr)) : undefined;
  }

  private reportExpansion(expansion: Expansion, file: string, line: number, address: string): void {
    if (expansion.kind === 'unknown' && expansion.reason !== undefined) {
      this.report('warning', `${address}: ${expansion.reason}; it is read as one instance of unknown key`, file, line);
    }
  }

  private resourceReference({ base, decl }: ResourceRef, steps: readonly Step[], text: string, context: EvalContext): TfValue {
    const [first, ...rest] = steps;
    const expansion = decl ? this.expansion(decl) : undefined;
    const counted = expansion !== undefined && expansion.kind !== 'single';
    if (first?.kind === 'index' && (counted || !decl)) {
      const instanceKey = evaluate(first.key, context);
      if (isUnknown(instanceKey) || (typeof instanceKey !== 'number' && typeof instanceKey !== 'string')) {
        context.refs.add(base);
        return unknownValue(text);
      }
      context.refs.add(`${base}${instanceSuffix(instanceKey)}`);
      const instance = expansion ? findInstance(expansion, instanceKey) : undefined;
      if (!decl || !instance) {
        if (expansion && expansion.kind !== 'unknown') throw new HclEvalError(`${base} has no instance ${JSON.stringify(instanceKey)}`);
        return unknownValue(text);
      }
      return this.instanceValue(decl, instance, rest, text, context);
    }
    context.refs.add(base);
    if (!decl) return unknownValue(text);
    if (first?.kind === 'splat' && expansion && expansion.kind !== 'unknown') {
      return instancesOf(expansion).map((instance) => this.instanceValue(decl, instance, first.steps, text, context));
    }
    if (counted && first === undefined && expansion.kind !== 'unknown') return this.allInstances(decl, expansion, text, context);
    if (counted) return unknownValue(text);
    return this.instanceValue(decl, { key: undefined, bindings: new Map() }, steps, text, context);
  }

  /**
   * `aws_x.y` as a whole, of a resource with `count` or `for_each`: the list of its instances, or the map of them by key
   * (what `for_each = aws_x.y` iterates over). Each instance is the object of its written arguments and blocks, with
   * `id` and `arn`, which every applied resource has; other computed attributes are not in it.
   */
  private allInstances(decl: ResourceDecl, expansion: Expansion, text: string, context: EvalContext): TfValue {
    const names = new Set([...decl.block.body.attributes.map((a) => a.name), ...decl.block.body.blocks.map((b) => b.type), 'id', 'arn']);
    for (const meta of RESOURCE_META_ARGUMENTS) names.delete(meta);
    const instances = instancesOf(expansion);
    const objects = instances.map((instance) => objectFrom([...names].map((name) => [name, this.instanceValue(decl, instance, [{ kind: 'attr', name }], `${text}.${name}`, context)])));
    if (expansion.kind !== 'for_each') return objects;
    return objectFrom(instances.map((instance, i) => [typeof instance.key === 'string' ? instance.key : '', objects[i] ?? null]));
  }

  /** A configured attribute of a resource instance; computed (unset) attributes are unknown. */
  private instanceValue(decl: ResourceDecl, instance: Instance, steps: readonly Step[], text: string, context: EvalContext): TfValue {
    const [first, ...rest] = steps;
    if (first?.kind !== 'attr') return unknownValue(text);
    const name = first.name;
    const configured = this.lazy(name, text, () => {
      const argument = this.argumentValue(decl, instance, name);
      if (argument !== undefined) return { value: argument, refs: [] };
      const blocks = decl.block.body.blocks.filter((block) => block.type === name);
      if (blocks.length > 0) return { value: blocks.map((block) => this.bodyValue(block.body, instance.bindings)), refs: [] };
      if (decl.mode === 'data' && decl.type === 'template_file' && name === 'rendered') return { value: this.renderedTemplate(decl, instance, text, context), refs: [] };
      if (decl.mode === 'data' && decl.type === 'aws_iam_policy_document' && (name === 'json' || name === 'minified_json')) {
        return { value: this.policyDocumentJson(decl, instance, text, name === 'json'), refs: [] };
      }
      // Every resource gets an id, and an arn where it exports one, once applied: never null or empty.
      return { value: name === 'id' || name === 'arn' ? unknownNonEmptyString(text) : unknownValue(text), refs: [] };
    }, this.attributeMemo(decl, instanceSuffix(instance.key)));
    return applySteps(configured.value, rest, text, context, true);
  }

  /**
   * `rendered` of a `template_file` data source (the template provider, older code's `templatefile`): its `template`
   * text rendered with its `vars`. https://registry.terraform.io/providers/hashicorp/template/latest/docs/data-sources/file
   */
  private renderedTemplate(decl: ResourceDecl, instance: Instance, text: string, context: EvalContext): TfValue {
    const template = this.argumentValue(decl, instance, 'template');
    const parts = typeof template === 'string' ? this.env.parseTemplate(template, decl.file) : undefined;
    return parts ? renderTemplate(parts, this.argumentValue(decl, instance, 'vars') ?? {}, context, text) : unknownValue(text);
  }

  /** The value of an argument written in a resource instance's block; undefined when it is not written. */
  private argumentValue(decl: ResourceDecl, instance: Instance, name: string): TfValue | undefined {
    const set = decl.block.body.attributes.find((candidate) => candidate.name === name);
    return set ? this.evaluateExpression(set.expr, instance.bindings).value : undefined;
  }

  /**
   * `json` of an `aws_iam_policy_document` data source (see iam-policy-document.ts): the JSON text when everything in
   * it is known; else unknown, keeping the document it is known to encode (`TfUnknown.encoded`).
   */
  private policyDocumentJson(decl: ResourceDecl, instance: Instance, text: string, pretty: boolean): TfValue {
    const value = this.bodyValue(decl.block.body, instance.bindings);
    const document = isObject(value) ? policyDocument(decl.block.body, value) : undefined;
    if (!document) return unknownValue(text);
    return isWhollyKnown(document) ? JSON.stringify(document, null, pretty ? 2 : undefined) : { ...unknownValue(text), encoded: document };
  }

  private attributeMemo(decl: ResourceDecl, suffix: string): Map<string, Memo> {
    let byInstance = this.attributeMemos.get(decl);
    if (!byInstance) {
      byInstance = new Map();
      this.attributeMemos.set(decl, byInstance);
    }
    let memo = byInstance.get(suffix);
    if (!memo) {
      memo = new Map();
      byInstance.set(suffix, memo);
    }
    return memo;
  }

  /** A nested block as an object value, for references like `aws_x.y.origin[0].domain_name`. */
  private bodyValue(body: HclBody, bindings: ReadonlyMap<string, TfValue>): TfValue {
    const entries: [string, TfValue][] = body.attributes.map((item) => [item.name, this.evaluateExpression(item.expr, bindings).value]);
    const types = [...new Set(body.blocks.filter((block) => block.type !== 'dynamic').map((block) => block.type))];
    for (const type of types) entries.push([type, body.blocks.filter((block) => block.type === type).map((block) => this.bodyValue(block.body, bindings))]);
    return objectFrom(entries);
  }

  private moduleReference(name: string, steps: readonly Step[], text: string, context: EvalContext): TfValue {
    const call = this.config.moduleCalls.get(name);
    if (!call) return unknownValue(text);
    const expansion = this.moduleExpansion(call);
    const [first, ...rest] = steps;
    let instance: Instance | undefined;
    let outputSteps = steps;
    if (expansion.kind === 'single') {
      instance = { key: undefined, bindings: new Map() };
    } else if (first?.kind === 'index') {
      const key = evaluate(first.key, context);
      instance = isUnknown(key) ? undefined : findInstance(expansion, key);
      outputSteps = rest;
    }
    const child = instance ? this.child(call, instance) : undefined;
    if (!child) return unknownValue(text);
    const [output, ...after] = outputSteps;
    if (output === undefined) return child.allOutputs(context);
    if (output.kind !== 'attr') return unknownValue(text);
    return this.use(child.output(output.name), after, text, context);
  }

  output(name: string): Evaluated {
    return this.lazy(`output.${name}`, `module output ${name}`, () => {
      const decl = this.config.outputs.get(name);
      return decl?.value ? this.evaluateExpression(decl.value) : { value: unknownValue(`output.${name}`), refs: [] };
    });
  }

  private allOutputs(context: EvalContext): TfValue {
    const entries: [string, TfValue][] = [];
    for (const name of this.config.outputs.keys()) {
      const { value, refs } = this.output(name);
      for (const ref of refs) context.refs.add(ref);
      entries.push([name, value]);
    }
    return objectFrom(entries);
  }

  /** The module instance a `module` block creates, or undefined for remote sources, missing dirs and cycles. */
  private child(call: ModuleCallDecl, instance: Instance): ModuleInstance | undefined {
    const key = `${call.name}${instanceSuffix(instance.key)}`;
    if (this.children.has(key)) return this.children.get(key);
    this.children.set(key, undefined);
    const child = this.createChild(call, instance);
    this.children.set(key, child);
    return child;
  }

  private createChild(call: ModuleCallDecl, instance: Instance): ModuleInstance | undefined {
    const address = `${this.prefix()}module.${call.name}`;
    const line = call.block.line;
    if (call.source === undefined) {
      this.report('warning', `${address}: the module source is not a literal string; its resources are not checked`, call.file, line);
      return undefined;
    }
    const dir = isLocalSource(call.source) ? resolve(this.config.dir, call.source) : this.env.downloadedModules?.get([...moduleCallPath(this.modulePath), call.name].join('.'));
    if (dir === undefined) {
      this.report('notice', `${address}: module ${call.name} from "${call.source}" is not downloaded; its resources are not checked; run terraform init or scan a plan`, call.file, line);
      return undefined;
    }
    if (this.ancestry.includes(dir) || this.ancestry.length > MAX_MODULE_DEPTH) {
      this.report('warning', `${address}: module "${call.source}" calls itself (directly or through other modules); not followed`, call.file, line);
      return undefined;
    }
    const config = this.env.loadModule(dir);
    if (!config) {
      this.report('warning', `${address}: module directory ${dir} has no readable .tf file; its resources are not checked`, call.file, line);
      return undefined;
    }
    const inputs = new Map<string, () => Evaluated>();
    for (const argument of call.block.body.attributes) {
      if (MODULE_META_ARGUMENTS.has(argument.name)) continue;
      inputs.set(argument.name, () => this.lazy(`input:${call.name}${instanceSuffix(instance.key)}.${argument.name}`, argument.expr.text, () => {
        const evaluated = this.evaluateExpression(argument.expr, instance.bindings);
        return evaluated.origin ? evaluated : withOrigin(evaluated, writtenAt(argument.expr, call.file));
      }));
    }
    return new ModuleInstance({ config, modulePath: `${address}${instanceSuffix(instance.key)}`, env: this.env, inputs, ancestry: this.ancestry });
  }

  private report(severity: Diagnostic['severity'], message: string, file: string, line: number): void {
    // Once per place: module instances (for_each, count) would otherwise repeat the same message.
    const key = `${severity}|${file}|${line}`;
    if (this.env.reported.has(key)) return;
    this.env.reported.add(key);
    this.env.diagnostics.push({ severity, message, file, line, provider: 'terraform' });
  }
}

/** `evaluated` with the place its value is written, when known. */
function withOrigin(evaluated: Evaluated, origin: FileSource | undefined): Evaluated {
  return origin ? { ...evaluated, origin } : evaluated;
}

/** Where an expression writes its value as it is (a literal, a string without interpolations); else undefined. */
function writtenAt(expr: Expr, file: string): FileSource | undefined {
  const literal = expr.kind === 'literal' || (expr.kind === 'template' && expr.parts.every((part) => part.kind === 'literal'));
  return literal ? fileSource(file, expr.line) : undefined;
}

/**
 * The variable or local an expression passes on as it is, or a part of: `var.x`, `local.x.key`, `(var.x)`,
 * `"${var.x}"`, `sensitive(var.x)`; else undefined.
 */
function passedName(expr: Expr): { readonly scope: 'var' | 'local'; readonly name: string } | undefined {
  if (expr.kind === 'parenthesized') return passedName(expr.inner);
  if (expr.kind === 'template' && expr.parts.length === 1 && expr.parts[0]?.kind === 'interpolation') return passedName(expr.parts[0].expr);
  // `sensitive(var.x)` only marks the value.
  if (expr.kind === 'call' && PASSING_FUNCTIONS.has(expr.name) && expr.args.length === 1 && expr.args[0]) return passedName(expr.args[0]);
  if (expr.kind !== 'traversal' || expr.base.kind !== 'variable' || expr.steps.length === 0) return undefined;
  const scope = expr.base.name;
  const step = expr.steps[0];
  // `var.keys["partner"]`, `var.config.key`: a part of the value, written where the value is.
  return (scope === 'var' || scope === 'local') && step?.kind === 'attr' ? { scope, name: step.name } : undefined;
}

/** Functions that pass their one argument on as it is, for where its value is written. */
const PASSING_FUNCTIONS: ReadonlySet<string> = new Set(['sensitive', 'nonsensitive', 'tostring']);

/**
 * What `each.value` of the instance `key` refers to: for `for_each = aws_x.y` (a resource with instances of its own,
 * written as it is), its instance of the same key. Other for_each expressions (a variable, a `for` that may rename
 * the keys) say nothing.
 */
function eachRefsOf(forEachText: string, forEachRefs: readonly string[], key: TfResource['instanceKey']): ReadonlyMap<string, readonly string[]> | undefined {
  const [ref] = forEachRefs;
  const text = forEachText.trim();
  if (forEachRefs.length !== 1 || ref === undefined || !(ref === text || ref.endsWith(`.${text}`))) return undefined;
  // Keys not known: the one instance scanned stands for them all, as the one of aws_x.y does.
  if (isUnknown(key)) return new Map([['each', [ref]]]);
  return typeof key === 'string' ? new Map([['each', [`${ref}${instanceSuffix(key)}`]]]) : undefined;
}
