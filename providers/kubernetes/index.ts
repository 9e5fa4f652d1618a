import { dirname, relative, sep } from 'node:path';
import { STDIN_FILE, type InlineSuppression, type LoadRequest, type LoadResult, type ProviderAdapter } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../src/graph/kinds';
import { readTextFile } from '../read-text-file';
import { adaptGatewayApi } from './adapt/gateway-api';
import { adaptIngress } from './adapt/ingress';
import { adaptLoadBalancerService } from './adapt/service';
import { Catalog } from './catalog';
import { hasTemplateActions, isHelmTemplatePath, looksLikeManifest } from './detect';
import { isIngress, type K8sObject } from './manifest';
import { readManifests } from './read-manifests';
import { suppressionsOf } from './suppressions';

/**
 * Kubernetes manifests (YAML, multi-document, `kind: List`, JSON; standard input for `helm template` and
 * `kustomize build` output): Ingresses with their controller's annotations, Gateway API routes and listeners, and
 * Services of type LoadBalancer. All files of a scan are read first, so that an Ingress finds the IngressClass,
 * Services, BackendConfigs or Middlewares declared in other files.
 */
const kubernetes: ProviderAdapter = {
  id: 'kubernetes',
  description: 'Kubernetes manifests: Ingress (ingress-nginx, AWS Load Balancer Controller, GKE, Application Gateway, Traefik), Gateway API, LoadBalancer Services',
  kind: 'file',
  matches({ path, head }) {
    return looksLikeManifest(path, head);
  },
  load({ files, options }: LoadRequest): Promise<LoadResult> {
    const cwd = options.cwd ?? process.cwd();
    const diagnostics: Diagnostic[] = [];
    const suppressions: InlineSuppression[] = [];
    const objects: K8sObject[] = [];
    const helmCharts = new Map<string, string[]>();
    for (const file of files) {
      const text = file === STDIN_FILE ? options.stdin ?? '' : readOrReport(file, options.maxFileBytes, diagnostics);
      if (text === undefined) continue;
      if (isHelmTemplatePath(file) && hasTemplateActions(text)) {
        const at = file.search(/[\\/]templates[\\/]/);
        const chart = at > 0 ? file.slice(0, at) : dirname(file);
        helmCharts.set(chart, [...(helmCharts.get(chart) ?? []), file]);
        continue;
      }
      const read = readManifests(text, file);
      objects.push(...read.objects);
      diagnostics.push(...read.diagnostics);
      const found = suppressionsOf(text, file, read.objects);
      suppressions.push(...found.suppressions);
      diagnostics.push(...found.diagnostics);
    }
    for (const [chart, templates] of helmCharts) {
      const shown = relative(cwd, chart).split(sep).join('/') || '.';
      diagnostics.push({
        severity: 'notice', file: templates[0] ?? chart, provider: 'kubernetes',
        message: `${templates.length} Helm template${templates.length === 1 ? '' : 's'} of chart ${shown} skipped: templates are not YAML until rendered; `
          + `scan the rendered manifests with \`helm template ${shown} | gatewarden scan -\``,
      });
    }
    const adapted = adaptObjects(objects, diagnostics);
    return Promise.resolve({ nodes: adapted.nodes, edges: adapted.edges, diagnostics, suppressions });
  },
};

function readOrReport(file: string, maxBytes: number | undefined, diagnostics: Diagnostic[]): string | undefined {
  const read = readTextFile(file, maxBytes);
  if ('diagnostic' in read) {
    diagnostics.push({ ...read.diagnostic, provider: 'kubernetes' });
    return undefined;
  }
  return read.text;
}

/** Every object of the scan, adapted with the others at hand (the pure part of the provider). */
export function adaptObjects(objects: readonly K8sObject[], diagnostics: Diagnostic[] = []): { nodes: AnyNode[]; edges: Edge[] } {
  const catalog = new Catalog(objects);
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  for (const object of objects) {
    if (isIngress(object)) {
      if (object.name === '') {
        diagnostics.push({ severity: 'error', message: 'an Ingress has no metadata.name; not read', file: object.file, ...(object.source.line !== undefined && { line: object.source.line }), provider: 'kubernetes' });
        continue;
      }
      const adapted = adaptIngress(object, catalog);
      const api = adapted.nodes[0];
      if (adapted.assumed !== undefined) {
        diagnostics.push({ severity: 'notice', file: object.file, ...(object.source.line !== undefined && { line: object.source.line }), provider: 'kubernetes', message: adapted.assumed });
      }
      if (api?.kind === 'api' && api.attrs.endpointType.state === 'unknown') {
        diagnostics.push({
          severity: 'notice', file: object.file, ...(object.source.line !== undefined && { line: object.source.line }), provider: 'kubernetes',
          message: `Ingress ${object.name}: ${api.attrs.endpointType.expr ?? 'controller not known'}; its annotations are not read and its settings cannot be verified`,
        });
      }
      nodes.push(...adapted.nodes);
      edges.push(...adapted.edges);
    } else if (object.kind === 'Service' && object.apiVersion === 'v1' && object.name !== '') {
      const api = adaptLoadBalancerService(object);
      if (api) nodes.push(api);
    }
  }
  const gateway = adaptGatewayApi(catalog);
  nodes.push(...gateway.nodes);
  edges.push(...gateway.edges);
  return { nodes, edges };
}

export default kubernetes;
