import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, CorsConfig, Edge, ResourcePolicy } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { isObject, isOpenApi, parseSpecText, readApiGatewaySpec, type Json, type SpecFlavor, type SpecOperation } from '../../openapi/api-gateway-spec';
import { specBackendAttrs } from '../../openapi/spec-backend';
import type { TfResource, TfValue } from '../model';
import { parseResourcePolicy } from '../../aws-shared/iam-policy';
import { nodeId } from './linker';
import { attribute, firstUnknown } from './read-attr';
import { edge, terraformNode } from './terraform-node';

/** What an API's OpenAPI `body` adds to the graph, and the API attributes it sets. */
export interface SpecBody {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
  /** From `x-amazon-apigateway-policy`, when the document has one. */
  readonly resourcePolicy?: Attr<ResourcePolicy | null>;
  /** From `x-amazon-apigateway-cors`, when the document has one. */
  readonly cors?: Attr<CorsConfig | null>;
}

/**
 * The routes, authorizers, integrations, resource policy and CORS of the OpenAPI document in an API's `body`
 * (`jsonencode(...)`, `yamlencode(...)`, a heredoc, `file("openapi.yaml")`). Each becomes a sub-node of the API
 * resource (`#GET /pets`, `#authorizer:jwt`, `#integration:GET /pets`) located at the `body` attribute.
 * `isReplaced(method, path)` says that a separate method or route resource of the same API defines that route:
 * Terraform applies those after the body, so the resource wins and the route is not counted twice.
 * A body known only after apply (`templatefile(...)`) still makes the API "described by a spec", but lists nothing.
 */
export function adaptSpecBody(api: TfResource, flavor: SpecFlavor, isReplaced: (method: string, path: string) => boolean): SpecBody {
  const result: SpecBody & { nodes: AnyNode[] } = { nodes: [], edges: [], diagnostics: [] };
  const body = attribute(api.body, 'body');
  if (!body) return result;
  const at = body.source;
  const hidden = firstUnknown(body.value);
  if (hidden) {
    result.diagnostics.push(notice(api, at, `the OpenAPI body is known only at apply time (${hidden.expr}); its routes are not checked`));
    return result;
  }
  const document = documentOf(body.value);
  if (!document.ok) {
    result.diagnostics.push({ ...notice(api, at, `the body is not a readable OpenAPI document (${document.reason}); its routes are not checked`), severity: 'warning' });
    return result;
  }
  if (!isOpenApi(document.document)) return result;
  const spec = readApiGatewaySpec(document.document, flavor);
  const apiId = nodeId(api.address);

  const authorizerIds = new Map<string, string>();
  for (const authorizer of spec.authorizers) {
    const node = terraformNode(api, 'api.authorizer', {
      type: set(authorizer.type, at),
      issuer: set(authorizer.issuer, at),
      audience: set(authorizer.audience, at),
      identitySource: set(authorizer.identitySource, at),
    }, { suffix: `#authorizer:${authorizer.name}` });
    authorizerIds.set(authorizer.name, node.id);
    result.nodes.push(node);
    result.edges.push(edge(apiId, 'api-has-authorizer', node.id));
  }

  for (const operation of spec.operations) {
    if (isReplaced(operation.method, operation.path)) continue;
    const route = `${operation.method} ${operation.path}`;
    const node = terraformNode(api, 'api.operation', {
      method: set(operation.method, at),
      path: set(operation.path, at),
      authorization: set(operation.authorization, at),
      apiKeyRequired: set(operation.apiKeyRequired, at),
      requestValidation: operation.requestValidation.explicit ? set(operation.requestValidation.level, at) : byDefault(operation.requestValidation.level, at),
      requiredParameters: operation.requiredParameters === undefined
        ? unknown('a parameter $ref that does not resolve in the document', at)
        : set(operation.requiredParameters, at),
      throttling: byDefault(null, at),
    }, { suffix: `#${route}`, raw: operationRaw(operation) });
    result.nodes.push(node);
    result.edges.push(edge(apiId, 'api-has-operation', node.id));
    for (const name of operation.authorizers) {
      const id = authorizerIds.get(name);
      if (id !== undefined) result.edges.push(edge(node.id, 'operation-uses-authorizer', id));
    }
    if (operation.integration) {
      const backend = terraformNode(api, 'api.backend', specBackendAttrs(operation.integration, flavor, at), { suffix: `#integration:${route}`, raw: operation.integration });
      result.nodes.push(backend);
      result.edges.push(edge(node.id, 'operation-calls-backend', backend.id));
    }
  }

  return {
    ...result,
    ...(spec.resourcePolicy !== undefined && { resourcePolicy: resourcePolicyOf(spec.resourcePolicy, at) }),
    ...(spec.cors !== undefined && { cors: set(spec.cors, at) }),
  };
}

type Document = { readonly ok: true; readonly document: { [key: string]: Json } } | { readonly ok: false; readonly reason: string };

/** `body` is a string in Terraform; an object (from a plan or a lenient module) is taken as the document itself. */
function documentOf(value: TfValue): Document {
  if (typeof value === 'string') {
    const parsed = parseSpecText(value);
    return parsed.ok ? parsed : { ok: false, reason: parsed.line === undefined ? parsed.reason : `${parsed.reason}, line ${parsed.line} of the document` };
  }
  // The caller checked that nothing in the value is unknown: what remains is plain JSON data.
  const json = value as Json;
  return isObject(json) ? { ok: true, document: json } : { ok: false, reason: 'not a string' };
}

function resourcePolicyOf(policy: Json, at: FileSource): Attr<ResourcePolicy | null> {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
  const parsed = parseResourcePolicy(text);
  return parsed ? set(parsed, at) : unknown('x-amazon-apigateway-policy is not a policy document we can read', at);
}

function operationRaw(operation: SpecOperation): unknown {
  return { method: operation.method, path: operation.path, authorizers: operation.authorizers };
}

function notice(api: TfResource, at: FileSource, message: string): Diagnostic {
  return {
    severity: 'notice',
    message: `${api.address}: ${message}`,
    file: at.file,
    ...(at.line !== undefined && { line: at.line }),
    provider: 'terraform',
  };
}
