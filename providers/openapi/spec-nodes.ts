import { byDefault, set, unknown, type Attr } from '../../src/graph/attr';
import type { AnyNode, AttrsByKind, CorsConfig, Edge, GraphNode, ResourcePolicy } from '../../src/graph/kinds';
import type { FileSource } from '../../src/graph/source';
import { parseResourcePolicy } from '../aws-shared/iam-policy';
import type { ApiGatewaySpec, Json, SpecFlavor } from './api-gateway-spec';
import { specBackendAttrs } from './spec-backend';

/** Makes a sub-node of the API resource in the provider's own way (id, name, native type); `suffix` tells it apart. */
export type SpecNodeFactory = <K extends 'api.authorizer' | 'api.operation' | 'api.backend'>(
  kind: K, attrs: AttrsByKind[K], options: { readonly suffix: string; readonly raw: unknown },
) => GraphNode<K>;

/** What an API's OpenAPI document adds to the graph, and the API attributes it sets. */
export interface SpecNodes {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  /** From `x-amazon-apigateway-policy`, when the document has one. */
  readonly resourcePolicy?: Attr<ResourcePolicy | null>;
  /** From `x-amazon-apigateway-cors`, when the document has one. */
  readonly cors?: Attr<CorsConfig | null>;
  /**
   * `false` when the document disables the execute-api endpoint. An API resource's own setting only overrides the
   * document to disable it: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#disable_execute_api_endpoint
   */
  readonly defaultEndpointEnabled?: Attr<boolean>;
}

/**
 * The authorizers, routes and integrations of an API's OpenAPI document as sub-nodes of the API (`#authorizer:jwt`,
 * `#GET /pets`, `#integration:GET /pets`), all located at `at` (where the document is written), with their edges.
 * `isReplaced(method, path)` says that a separate method or route resource of the same API defines that route:
 * it is applied after the document, so the resource wins and the route is not counted twice.
 */
export function specNodes(
  spec: ApiGatewaySpec, flavor: SpecFlavor, at: FileSource, apiId: string, makeNode: SpecNodeFactory,
  isReplaced: (method: string, path: string) => boolean,
): SpecNodes {
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  const authorizerIds = new Map<string, string>();
  for (const authorizer of spec.authorizers) {
    const node = makeNode('api.authorizer', {
      type: set(authorizer.type, at),
      issuer: set(authorizer.issuer, at),
      audience: set(authorizer.audience, at),
      identitySource: set(authorizer.identitySource, at),
    }, { suffix: `#authorizer:${authorizer.name}`, raw: authorizer });
    authorizerIds.set(authorizer.name, node.id);
    nodes.push(node);
    edges.push({ from: apiId, rel: 'api-has-authorizer', to: node.id });
  }
  for (const operation of spec.operations) {
    if (isReplaced(operation.method, operation.path)) continue;
    const route = `${operation.method} ${operation.path}`;
    const node = makeNode('api.operation', {
      method: set(operation.method, at),
      path: set(operation.path, at),
      authorization: operation.authorization === undefined ? unknown('the security requirement is not known statically', at) : set(operation.authorization, at),
      apiKeyRequired: set(operation.apiKeyRequired, at),
      requestValidation: operation.requestValidation.explicit ? set(operation.requestValidation.level, at) : byDefault(operation.requestValidation.level, at),
      requiredParameters: operation.requiredParameters === undefined
        ? unknown('a parameter $ref that does not resolve in the document', at)
        : set(operation.requiredParameters, at),
      throttling: byDefault(null, at),
    }, { suffix: `#${route}`, raw: { method: operation.method, path: operation.path, authorizers: operation.authorizers } });
    nodes.push(node);
    edges.push({ from: apiId, rel: 'api-has-operation', to: node.id });
    for (const name of operation.authorizers) {
      const id = authorizerIds.get(name);
      if (id !== undefined) edges.push({ from: node.id, rel: 'operation-uses-authorizer', to: id });
    }
    if (operation.integration) {
      const backend = makeNode('api.backend', specBackendAttrs(operation.integration, flavor, at), { suffix: `#integration:${route}`, raw: operation.integration });
      nodes.push(backend);
      edges.push({ from: node.id, rel: 'operation-calls-backend', to: backend.id });
    }
  }
  return {
    nodes,
    edges,
    ...(spec.resourcePolicy !== undefined && { resourcePolicy: resourcePolicyOf(spec.resourcePolicy, at) }),
    ...(spec.cors !== undefined && { cors: set(spec.cors, at) }),
    ...(spec.executeApiEndpointDisabled && { defaultEndpointEnabled: set(false, at) }),
  };
}

function resourcePolicyOf(policy: Json, at: FileSource): Attr<ResourcePolicy | null> {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
  const parsed = parseResourcePolicy(text);
  return parsed ? set(parsed, at) : unknown('x-amazon-apigateway-policy is not a policy document we can read', at);
}
