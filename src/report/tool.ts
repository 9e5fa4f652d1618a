import { name, version } from '../../package.json';

/** The tool's identity as it appears in reports and `--version`. */
export const TOOL: { readonly name: string; readonly version: string } = { name, version };
