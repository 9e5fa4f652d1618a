import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseSpecText, type SpecText } from '../openapi/api-gateway-spec';
import { readTextFile } from '../read-text-file';
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
