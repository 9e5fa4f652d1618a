/** Where a node or attribute came from: a place in a file (1-based lines) or a live cloud resource. */
export type SourceRef = FileSource | CloudSource;

export interface FileSource {
  readonly kind: 'file';
  /** Absolute path; reporters make it relative to the working directory. */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  readonly endLine?: number;
  /** 1-based. */
  readonly column?: number;
  /** Resource address in the source language, e.g. `module.api.aws_api_gateway_stage.this["prod"]`. */
  readonly address?: string;
}

export interface CloudSource {
  readonly kind: 'cloud';
  readonly provider: 'aws' | 'azure';
  /** ARN or Azure resource ID. */
  readonly id: string;
  readonly account?: string;
  readonly region?: string;
}

export function fileSource(file: string, line?: number, endLine?: number, address?: string): FileSource {
  // Readers make one per attribute and block, nearly always with both lines: those skip the spreads (each of which
  // builds a throwaway object) and get one compact shape.
  if (line !== undefined && endLine !== undefined) {
    return address !== undefined ? { kind: 'file', file, line, endLine, address } : { kind: 'file', file, line, endLine };
  }
  return { kind: 'file', file, ...(line !== undefined && { line }), ...(endLine !== undefined && { endLine }), ...(address !== undefined && { address }) };
}

/** `file:line` or the cloud resource id, for messages and text output. */
export function formatSource(source: SourceRef, relativeTo?: (file: string) => string): string {
  if (source.kind === 'cloud') return source.id;
  const file = relativeTo ? relativeTo(source.file) : source.file;
  return source.line !== undefined ? `${file}:${source.line}` : file;
}
