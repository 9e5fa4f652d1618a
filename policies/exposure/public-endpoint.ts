import { definePolicy, fail, pass, unknown, type Outcome, type Severity } from '../../src/engine/policy';
import { set, type Attr, type DefaultAttr, type SetAttr } from '../../src/graph/attr';
import { invokeSources, type InvokeSources } from '../../src/graph/invoke-sources';
import { addressReach } from '../../src/graph/address-ranges';
import type { SourceRef } from '../../src/graph/source';
import type { ReadonlyGraph } from '../../src/graph/graph';
import type { Authorization, EndpointType, GraphNode } from '../../src/graph/kinds';
import { frontLabel, frontsByServing, internetFronts, operationsOf, stagesOf, wafsProtecting, type Front } from '../../src/graph/queries';
import { pathStrength } from '../../src/graph/waf';

/** Present, absent, or not knowable statically. */
type Presence = 'yes' | 'no' | 'unknown';

export default definePolicy({
  id: 'GW-EXP-001',
  slug: 'public-endpoint',
  title: 'Internet-facing APIs are known, authenticated and behind a WAF',
  severity: 'info',
  category: 'exposure',
  control: 'public-endpoint',
  owasp: ['API9:2023', 'API2:2023'],
  target: 'api',
  rationale:
    'Every API reachable from the internet is attack surface that must be inventoried. ' +
    'An internet-facing API without authentication on any route and without a WAF is open to anyone who finds its URL, so the finding rises to high; missing one of the two gives medium. ' +
    'An endpoint whose clients are restricted to private address ranges (ingress-nginx `whitelist-source-range`, ALB `inbound-cidrs`, `loadBalancerSourceRanges`, ' +
    'an API Gateway resource policy that allows `execute-api:Invoke` only from `aws:SourceIp` ranges or denies it outside them, an API Management `ip-filter` that allows only listed addresses) is not internet-facing; ' +
    'an API whose resource policy denies Invoke to everyone is not reachable at all; ' +
    'one restricted to a few public ranges stays informational. Kubernetes Services of type LoadBalancer with HTTP(S) ports count as endpoints of their own. ' +
    'A disabled CloudFront distribution serves nothing: it is not a way in.',
  remediation: {
    kubernetes: [
      '# AWS Load Balancer Controller: an internal ALB, or restrict its clients',
      'metadata:',
      '  annotations:',
      '    alb.ingress.kubernetes.io/scheme: internal',
      '    # or: alb.ingress.kubernetes.io/inbound-cidrs: 10.0.0.0/8',
      '# ingress-nginx: nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8',
      '# Service of type LoadBalancer: service.beta.kubernetes.io/aws-load-balancer-scheme: internal',
      '#   (Azure: service.beta.kubernetes.io/azure-load-balancer-internal: "true"; GKE: networking.gke.io/load-balancer-type: Internal)',
      '#   or spec.loadBalancerSourceRanges: [10.0.0.0/8]',
    ].join('\n'),
    terraform: [
      '# Keep the API inside the VPC when it has no public clients:',
      'resource "aws_api_gateway_rest_api" "internal" {',
      '  name = "internal"',
      '  endpoint_configuration {',
      '    types            = ["PRIVATE"]',
      '    vpc_endpoint_ids = [aws_vpc_endpoint.execute_api.id]',
      '  }',
      '}',
      '# Otherwise require authorization on its routes (authorization = "AWS_IAM" / "COGNITO_USER_POOLS" / "CUSTOM") and associate a web ACL.',
      '',
      '# Azure API Management: keep the gateway inside the virtual network (Developer or Premium tier) and publish it',
      '# through an Application Gateway WAF, or reach it through private endpoints only',
      'resource "azurerm_api_management" "apim" {',
      '  # ...',
      '  virtual_network_type = "Internal"',
      '  virtual_network_configuration {',
      '    subnet_id = azurerm_subnet.apim.id',
      '  }',
      '  # or: public_network_access_enabled = false (with an azurerm_private_endpoint)',
      '}',
    ].join('\n'),
    cloudformation: [
      '# An internal API: private endpoint reachable through interface VPC endpoints only',
      'Api:',
      '  Type: AWS::ApiGateway::RestApi',
      '  Properties:',
      '    Name: orders',
      '    EndpointConfiguration:',
      '      Types: [PRIVATE]',
      '      VpcEndpointIds: [!Ref ExecuteApiEndpoint]',
      '    Policy:',
      '      Version: \'2012-10-17\'',
      '      Statement:',
      '        - Effect: Allow',
      '          Principal: \'*\'',
      '          Action: execute-api:Invoke',
      '          Resource: execute-api:/*',
      '          Condition:',
      '            StringEquals:',
      '              aws:SourceVpce: !Ref ExecuteApiEndpoint',
      '',
      '# A public API: authorize every method (AuthorizationType) and associate a blocking web ACL with its stage',
      'ProdStageWaf:',
      '  Type: AWS::WAFv2::WebACLAssociation',
      '  Properties:',
      '    ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${ProdStage}',
      '    WebACLArn: !GetAtt ApiWebAcl.Arn',
      '',
      '# SAM: EndpointConfiguration: {Type: PRIVATE, VPCEndpointIds: [...]} and Auth.ResourcePolicy on AWS::Serverless::Api',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    'https://learn.microsoft.com/en-us/azure/api-management/virtual-network-concepts',
  ],
  evaluate(api, { graph }) {
    const endpoint = api.attrs.endpointType;
    switch (endpoint.state) {
      case 'unknown':
        return unknown(`Cannot tell whether API ${api.name} is public: its endpoint type is not known statically (${endpoint.expr ?? 'computed'})`, endpoint.source ?? api.source);
      case 'set':
      case 'default':
        if (endpoint.value === 'private' || endpoint.value === 'internal') {
          // Reachable only inside its network, unless a gateway in front publishes it (an internal APIM behind an
          // Application Gateway with a public frontend).
          const { facing, doubtful } = internetFronts(graph, api);
          const [doubt] = doubtful;
          if (facing.length > 0) return reachable(graph, api, endpoint, [...facing.map(frontLabel), ...doubtful.map((d) => `${frontLabel(d.front)} if it serves`)], false, facing);
          return doubt ? unknown(`Cannot tell whether API ${api.name} is published to the internet: ${doubt.why}`, doubt.source ?? api.source) : pass();
        }
        break;
    }

    const invoke = invokeSourcesOf(api);
    if (invoke?.kind === 'nobody') return pass();
    const ranges = api.attrs.allowedSourceRanges ?? (invoke?.kind === 'ranges' ? set(invoke.ranges, api.attrs.resourcePolicy.source) : undefined);
    const restriction = ranges === undefined ? undefined : sourceRestriction(ranges);
    if (restriction?.state === 'unknown') return unknown(`Cannot tell which clients can reach API ${api.name}: ${restriction.why}`, restriction.source ?? api.source);
    if (restriction?.state === 'private') return pass();

    // A public endpoint type with the default endpoint switched off and nothing in front is not reachable at all.
    // A CDN whose `enabled` is not known may be a way in, or not.
    const { serving, doubtful } = frontsByServing(graph, api);
    const defaultEndpoint = api.attrs.defaultEndpointEnabled;
    const ways: string[] = [];
    switch (defaultEndpoint.state) {
      case 'unknown':
        if (serving.length === 0) {
          return unknown(
            `Cannot tell whether API ${api.name} is reachable: whether its default endpoint is enabled is not known statically (${defaultEndpoint.expr ?? 'computed'})`,
            defaultEndpoint.source ?? api.source,
          );
        }
        break;
      case 'set':
      case 'default':
        if (defaultEndpoint.value) ways.push('its default endpoint');
        break;
    }
    // Two listeners (HTTP and HTTPS) often serve one hostname: name it once.
    ways.push(...new Set(serving.map(frontLabel)));
    const [firstDoubt] = doubtful;
    if (ways.length === 0) {
      return firstDoubt ? unknown(`Cannot tell whether API ${api.name} is reachable: only a CDN may serve it, and ${firstDoubt.why}`, firstDoubt.source ?? api.source) : pass();
    }
    ways.push(...doubtful.map((d) => `CDN ${d.front.name} if it is enabled`));
    if (restriction?.state === 'public-ranges') ways.push(`only from ${restriction.ranges.join(', ')}`);
    return reachable(graph, api, endpoint, ways, restriction?.state === 'public-ranges');
  },
});

/**
 * The finding for an API reachable from the internet `ways`: high when neither authentication nor a blocking WAF
 * guards any of it, medium when one is missing, informational otherwise or when only a few public ranges get in.
 * `publishedBy`: the gateways that publish an internal API, each of which needs its own blocking WAF.
 */
function reachable(
  graph: ReadonlyGraph, api: GraphNode<'api'>, endpoint: SetAttr<EndpointType> | DefaultAttr<EndpointType>, ways: readonly string[], fewRanges = false, publishedBy?: readonly Front[],
): Outcome {
  const authentication = authenticationOf(graph, api);
  const waf = blockingWafOf(graph, api, publishedBy);
  const missing = [authentication === 'no' && 'without authentication on any route', waf === 'no' && 'without a blocking WAF on any stage'].filter(
    (m): m is string => m !== false,
  );
  const unverified = [authentication === 'unknown' && 'authentication', waf === 'unknown' && 'WAF'].filter((m): m is string => m !== false);
  // Clients limited to a few public address ranges: still reachable from outside, by far fewer.
  const severity: Severity = fewRanges ? 'info' : missing.length === 2 ? 'high' : missing.length === 1 ? 'medium' : 'info';
  const detail = [missing.join(' and '), unverified.length > 0 ? `(${unverified.join(' and ')} not verifiable statically)` : ''].filter((d) => d !== '').join(' ');
  return fail(
    `API ${api.name} is reachable from the internet (${endpoint.value} endpoint, through ${ways.join(', ')})${detail ? ` ${detail}` : ''}`,
    endpoint.source ?? api.source,
    { severity },
  );
}

type Restriction =
  | { readonly state: 'none' }
  | { readonly state: 'private' }
  | { readonly state: 'public-ranges'; readonly ranges: readonly string[] }
  | { readonly state: 'unknown'; readonly why: string; readonly source?: SourceRef };

/** Who the API's resource policy lets invoke it, when it has one that is known. */
function invokeSourcesOf(api: GraphNode<'api'>): InvokeSources | undefined {
  const policy = api.attrs.resourcePolicy;
  return policy.state !== 'unknown' && policy.value !== null ? invokeSources(policy.value) : undefined;
}

function sourceRestriction(ranges: Attr<readonly string[] | null>): Restriction {
  switch (ranges.state) {
    case 'unknown':
      return { state: 'unknown', why: `its allowed source ranges are not known statically (${ranges.expr ?? 'computed'})`, ...(ranges.source && { source: ranges.source }) };
    case 'set':
    case 'default': {
      const list = ranges.value;
      if (list === null || list.length === 0) return { state: 'none' };
      const reach = addressReach(list);
      if (typeof reach === 'object') return { state: 'unknown', why: `an allowed source range is not an address known statically (${reach.unreadable})`, ...(ranges.source && { source: ranges.source }) };
      return reach === 'everywhere' ? { state: 'none' } : reach === 'private' ? { state: 'private' } : { state: 'public-ranges', ranges: list };
    }
  }
}

/** Credentials that prove identity; API and subscription keys only identify the caller. */
const AUTHENTICATING: ReadonlySet<Authorization> = new Set<Authorization>(['iam', 'jwt', 'cognito', 'lambda', 'oauth', 'mtls', 'basic', 'external']);

function authenticationOf(graph: ReadonlyGraph, api: GraphNode<'api'>): Presence {
  const operations = operationsOf(graph, api);
  // No route in the graph (e.g. routes defined by an OpenAPI body the adapter could not expand): nothing to conclude.
  if (operations.length === 0) return 'unknown';
  let open = false;
  for (const op of operations) {
    const authorization = op.attrs.authorization;
    switch (authorization.state) {
      case 'unknown':
        open = true;
        break;
      case 'set':
      case 'default':
        if (AUTHENTICATING.has(authorization.value)) return 'yes';
        break;
    }
  }
  return open ? 'unknown' : 'no';
}

/**
 * Whether a blocking WAF guards the API: on any stage's path, or, given `fronts` (the gateways that publish an
 * internal API), on each of those fronts, since traffic through one is not filtered by another's.
 */
function blockingWafOf(graph: ReadonlyGraph, api: GraphNode<'api'>, fronts?: readonly Front[]): Presence {
  const strengths = (via?: Front): Presence => {
    let open = false;
    for (const stage of stagesOf(graph, api)) {
      for (const path of wafsProtecting(graph, stage)) {
        if (via && path.via.id !== via.id) continue;
        const strength = pathStrength(path).state;
        if (strength === 'blocks') return 'yes';
        if (strength === 'unknown') open = true;
      }
    }
    return open ? 'unknown' : 'no';
  };
  if (!fronts) return strengths();
  const each = fronts.map(strengths);
  return each.includes('no') ? 'no' : each.includes('unknown') ? 'unknown' : 'yes';
}
