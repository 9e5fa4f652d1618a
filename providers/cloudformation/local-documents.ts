import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseSpecText, type SpecText } from '../openapi/api-gateway-spec';
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
  const fromRoot = relative(root, file);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return { ok: false, reason: 'the file is outside the scanned directory, so it is not read' };
  const read = readTextFile(file, maxBytes);
  if ('diagnostic' in read) return { ok: false, reason: read.diagnostic.message };
  const parsed = parseSpecText(read.text);
  return parsed.ok || parsed.line === undefined ? parsed : { ok: false, reason: `${parsed.reason}, line ${parsed.line} of ${fromRoot}` };
}

/**
 * A template with each `Fn::Transform` of `AWS::Include` whose `Location` is a local path replaced by that file's
 * content, as `aws cloudformation package` and CloudFormation itself would before any other transform (so SAM's
 * `Auth` applies to an OpenAPI `DefinitionBody` brought in this way). Values in the file keep the location of the
 * property that includes them. A file that cannot be read leaves the include in place (its value stays unknown) and
 * is a warning. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-include.html
 */
export function inlineLocalIncludes(
  root: unknown, lines: KeyLines, templateFile: string, scanRoot: string, maxBytes?: number,
): { root: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = new Map<string, SpecText>();
  const visit = (value: unknown, path: KeyPath): unknown => {
    if (Array.isArray(value) && path.length <= MAX_INCLUDE_DEPTH) return value.map((item: unknown, index) => visit(item, [...path, index]));
    if (!isRecord(value) || path.length > MAX_INCLUDE_DEPTH) return value;
    const location = localIncludeLocation(value);
    if (location !== undefined) {
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
      return document.ok ? document.document : value;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: visit(item, [...path, key]), enumerable: true, writable: true, configurable: true });
    return copy;
  };
  return { root: visit(root, []), diagnostics };
}

const MAX_INCLUDE_DEPTH = 200;

/** `{ "Fn::Transform": { "Name": "AWS::Include", "Parameters": { "Location": "<local path>" } } }` → the path. */
function localIncludeLocation(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'Fn::Transform') return undefined;
  const transform = value['Fn::Transform'];
  if (!isRecord(transform) || transform['Name'] !== 'AWS::Include') return undefined;
  const parameters = transform['Parameters'];
  const location = isRecord(parameters) ? parameters['Location'] : undefined;
  return typeof location === 'string' && isLocalPath(location) ? location : undefined;
}
