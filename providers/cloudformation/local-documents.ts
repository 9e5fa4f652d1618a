import { dirname, relative, resolve } from 'node:path';
import { parseSpecText, type SpecText } from '../openapi/api-gateway-spec';
import { isInsideDirectory } from '../inside-directory';
import { isRecord } from '../is-record';
import { readTextFile } from '../read-text-file';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { KeyLines, KeyPath } from '../key-lines';
import type { CfnTemplate } from './template';

/**
 * OpenAPI documents a template names by a local path. Before `sam package` / `aws cloudformation package` upload it,
 * `BodyS3Location` of a RestApi or an HTTP API (SAM's `DefinitionUri`, once expanded) may be a path relative to the
 * template; the deployed API is that file, so its routes are read from it.
 * https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html
 */
const DOCUMENT_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::RestApi': 'BodyS3Location',
  'AWS::ApiGatewayV2::Api': 'BodyS3Location',
};

/** A local document by the path written in the template: its text parsed, or why it was not read. */
export type LocalDocuments = ReadonlyMap<string, SpecText>;

/**
 * Reads the local documents the template's APIs name. Only files inside `root` (the scan's working directory) are
 * read: a template under review must not make the scanner open files elsewhere on the machine.
 */
export function readLocalDocuments(template: CfnTemplate, root: string, maxBytes?: number): LocalDocuments {
  const documents = new Map<string, SpecText>();
  for (const resource of template.resources) {
    const property = DOCUMENT_PROPERTY[resource.type];
    const location = property === undefined ? undefined : resource.properties[property];
    if (typeof location !== 'string' || !isLocalPath(location) || documents.has(location)) continue;
    documents.set(location, readDocument(resolve(dirname(template.file), location), root, maxBytes));
  }
  return documents;
}

/** Not an `s3://` or web URL: what the package commands treat as a local file. */
function isLocalPath(location: string): boolean {
  return location.trim() !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

function readDocument(file: string, root: string, maxBytes?: number): SpecText {
  if (!isInsideDirectory(file, root)) return { ok: false, reason: 'the file is outside the scanned directory, so it is not read' };
  const fromRoot = relative(root, file);
  const read = readTextFile(file, maxBytes);
  if ('diagnostic' in read) return { ok: false, reason: read.diagnostic.message };
  const parsed = parseSpecText(read.text);
  return parsed.ok || parsed.line === undefined ? parsed : { ok: false, reason: `${parsed.reason}, line ${parsed.line} of ${fromRoot}` };
}

/**
 * A template with each `Fn::Transform` of `AWS::Include` whose `Location` is a local path replaced by that file's
 * content, as `aws cloudformation package` and CloudFormation itself would before any other transform (so SAM's
 * `Auth` applies to an OpenAPI `DefinitionBody` brought in this way). An include beside other keys (resources in
 * `Resources`) is merged into that mapping. Values in the file keep the location of the property that includes them.
 * A file that cannot be read leaves the include in place (its value stays unknown) and is a warning. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-include.html
 */
export function inlineLocalIncludes(
  root: unknown, lines: KeyLines, templateFile: string, scanRoot: string, maxBytes?: number,
): { root: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = new Map<string, SpecText>();
  const include = (location: string, path: KeyPath): Record<string, unknown> | undefined => {
    let document = read.get(location);
    if (!document) {
      document = readDocument(resolve(dirname(templateFile), location), scanRoot, maxBytes);
      read.set(location, document);
      if (!document.ok) {
        const line = lines.at(path)?.line;
        diagnostics.push({
          severity: 'warning', file: templateFile, ...(line !== undefined && { line }), provider: 'cloudformation',
          message: `AWS::Include of ${location} is not read (${document.reason}); what it would include is unknown`,
        });
      }
    }
    return document.ok ? document.document : undefined;
  };
  const visit = (value: unknown, path: KeyPath): unknown => {
    if (Array.isArray(value) && path.length <= MAX_INCLUDE_DEPTH) return value.map((item: unknown, index) => visit(item, [...path, index]));
    if (!isRecord(value) || path.length > MAX_INCLUDE_DEPTH) return value;
    const location = localIncludeLocation(value['Fn::Transform']);
    const included = location === undefined ? undefined : include(location, path);
    // The include is the whole value (a property, a `DefinitionBody`), or merged into the mapping it sits in (`Resources`).
    if (included && Object.keys(value).length === 1) return included;
    const copy: Record<string, unknown> = {};
    const define = (key: string, item: unknown): void => {
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    };
    for (const [key, item] of Object.entries(value)) if (!(included && key === 'Fn::Transform')) define(key, visit(item, [...path, key]));
    if (included) for (const [key, item] of Object.entries(included)) define(key, item);
    return copy;
  };
  return { root: visit(root, []), diagnostics };
}

const MAX_INCLUDE_DEPTH = 200;

/** `{ "Name": "AWS::Include", "Parameters": { "Location": "<local path>" } }`, the value of `Fn::Transform` → the path. */
function localIncludeLocation(transform: unknown): string | undefined {
  if (!isRecord(transform) || transform['Name'] !== 'AWS::Include') return undefined;
  const parameters = transform['Parameters'];
  const location = isRecord(parameters) ? parameters['Location'] : undefined;
  return typeof location === 'string' && isLocalPath(location) ? location : undefined;
}
