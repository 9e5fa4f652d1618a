import type { Diagnostic } from '../../src/graph/diagnostic';
import { fileSource, type FileSource } from '../../src/graph/source';
import type { KeyLines, KeyPath } from '../key-lines';
import { Resolver } from './resolve';
import { CfnUnknown, type CfnResource, type CfnTemplate, type CfnValue } from './template';
import { isRecord } from '../is-record';

export interface ReadTemplate {
  /** `undefined` when the file is not a usable template (the diagnostics say why). */
  readonly template: CfnTemplate | undefined;
  readonly resolver: Resolver | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Turns a parsed template into resources and a resolver: checks the sections' shapes, evaluates parameter values
 * (defaults, then `overrides`) and leaves out resources whose `Condition` is false.
 * Anatomy: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
export function readTemplate(
  root: unknown, lines: KeyLines, file: string, label: string, overrides: ReadonlyMap<string, string>,
): ReadTemplate {
  const diagnostics: Diagnostic[] = [];
  const locate = (path: KeyPath): FileSource => {
    const span = lines.at(path);
    return span ? fileSource(file, span.line, span.endLine) : fileSource(file, 1);
  };
  const error = (message: string, path: KeyPath): void => {
    const at = locate(path);
    diagnostics.push({ severity: 'error', message, file, ...(at.line !== undefined && { line: at.line }), provider: 'cloudformation' });
  };
  if (!isRecord(root)) {
    error('the template is not a YAML or JSON mapping', []);
    return { template: undefined, resolver: undefined, diagnostics };
  }
  const resourcesRaw = root['Resources'];
  if (!isRecord(resourcesRaw)) {
    error(resourcesRaw === undefined ? 'the template has no Resources section' : 'Resources is not a mapping of logical ids to resources', ['Resources']);
    return { template: undefined, resolver: undefined, diagnostics };
  }
  const section = (name: string): Record<string, unknown> => {
    const value = root[name];
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    error(`${name} is not a mapping; it is ignored`, [name]);
    return {};
  };
  const resolver = new Resolver({
    parameters: parameterValues(section('Parameters'), overrides),
    mappings: section('Mappings'),
    conditions: section('Conditions'),
    locate,
  });

  const resources: CfnResource[] = [];
  for (const [logicalId, raw] of Object.entries(resourcesRaw)) {
    const path = ['Resources', logicalId];
    if (!isRecord(raw) || typeof raw['Type'] !== 'string') {
      error(`resource ${logicalId} has no Type (a resource is a mapping with a Type string)`, path);
      continue;
    }
    const span = lines.at(path);
    const source = fileSource(file, span?.line, span?.endLine, logicalId);
    const written = raw['Condition'];
    const condition = typeof written === 'string' ? written : undefined;
    const decided = condition === undefined ? true : resolver.condition(condition, { path: [...path, 'Condition'], locate });
    if (decided === false) {
      diagnostics.push({
        severity: 'notice', message: `${logicalId} is not created: its condition ${condition} is false`, file,
        ...(source.line !== undefined && { line: source.line }), provider: 'cloudformation',
      });
      continue;
    }
    const properties = propertiesOf(raw['Properties'], resolver, [...path, 'Properties'], locate);
    if (properties.problem !== undefined) {
      diagnostics.push({
        severity: 'warning', message: `${logicalId}: ${properties.problem}; its properties are not checked`, file,
        ...(source.line !== undefined && { line: source.line }), provider: 'cloudformation',
      });
    }
    const base = properties.path;
    resources.push({
      logicalId,
      type: raw['Type'],
      properties: properties.value,
      source,
      locate: (property) => {
        const found = lines.at([...base, ...property]);
        return found && found.line >= (source.line ?? 0) ? fileSource(file, found.line, found.endLine) : source;
      },
      ...(raw['Metadata'] !== undefined && { metadata: raw['Metadata'] }),
      ...(decided === undefined && condition !== undefined && { undecidedCondition: condition }),
    });
  }
  const transform = root['Transform'];
  const transforms = (Array.isArray(transform) ? transform : [transform]).filter((t): t is string => typeof t === 'string');
  const template: CfnTemplate = { file, label, resources, transforms, root, locate };
  return { template, resolver, diagnostics };
}

/** `Properties` as a mapping; through a decidable `Fn::If` too (`Properties: !If [IsProd, {...}, {...}]`). */
function propertiesOf(
  raw: unknown, resolver: Resolver, path: KeyPath, locate: (path: KeyPath) => FileSource,
): { value: Readonly<Record<string, unknown>>; path: KeyPath; problem?: string } {
  if (raw === undefined || raw === null) return { value: {}, path };
  const structure = resolver.structure(raw, { path, locate });
  switch (structure.kind) {
    case 'absent':
      return { value: {}, path };
    case 'unknown':
      return { value: {}, path, problem: `Properties is not known statically (${structure.expr})` };
    case 'raw':
      return isRecord(structure.raw) ? { value: structure.raw, path: structure.at.path } : { value: {}, path, problem: 'Properties is not a mapping' };
  }
}

/**
 * Parameter values: an override, else the `Default`. List types are split on commas. SSM parameter types hold the
 * name of a parameter read at deployment, so their value is unknown whatever the default.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
function parameterValues(parameters: Readonly<Record<string, unknown>>, overrides: ReadonlyMap<string, string>): Map<string, CfnValue> {
  const values = new Map<string, CfnValue>();
  for (const [name, declaration] of Object.entries(parameters)) {
    const type = isRecord(declaration) && typeof declaration['Type'] === 'string' ? declaration['Type'] : 'String';
    const fallback = isRecord(declaration) ? declaration['Default'] : undefined;
    const override = overrides.get(name);
    if (type.startsWith('AWS::SSM::Parameter::Value<')) {
      values.set(name, new CfnUnknown(`SSM parameter ${override ?? (typeof fallback === 'string' ? fallback : name)}`));
    } else if (override !== undefined || fallback !== undefined) {
      const value = override ?? fallback;
      const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
      values.set(name, isList && typeof value === 'string' ? value.split(',').map((item) => item.trim()) : literal(value, name));
    } else {
      values.set(name, new CfnUnknown(`parameter ${name} has no value (no Default, no override)`));
    }
  }
  return values;
}

function literal(value: unknown, name: string): CfnValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
  return new CfnUnknown(`parameter ${name} has a default that is not a plain value`);
}

