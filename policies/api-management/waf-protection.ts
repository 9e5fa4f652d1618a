import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';
import { apiOf, internetFronts, wafsProtecting } from '../../src/graph/queries';
import { pathStrength } from '../../src/graph/waf';

export default definePolicy({
  id: 'GW-MGMT-002',
  slug: 'waf-protection',
  title: 'A blocking WAF protects every public API stage',
  severity: 'high',
  category: 'api-management',
  control: 'waf',
  owasp: ['API4:2023', 'API8:2023'],
  target: 'api.stage',
  rationale:
    'A web application firewall in front of the stage (on the stage itself, or on the custom domain or CloudFront distribution in front of it) ' +
    'filters injection payloads, known bad inputs and floods before they reach the gateway and its backends. ' +
    'A web ACL that only counts, or that has no rule and allows by default, inspects traffic but blocks nothing; ' +
    'one on a disabled CloudFront distribution sees no traffic at all. ' +
    'API Management cannot carry a WAF itself: an Application Gateway WAF policy or a Front Door firewall policy in Prevention mode in front of it counts ' +
    '(Detection mode only logs). A gateway reachable only inside its virtual network (Internal mode) or through private endpoints passes, ' +
    'unless an Application Gateway with a public frontend publishes it: then that gateway\'s WAF must block. ' +
    'A REST stage whose API is not in the scan cannot be verified: the API may be private.',
  remediation: {
    kubernetes: [
      '# ingress-nginx: ModSecurity with the OWASP Core Rule Set, in blocking mode (the default is DetectionOnly)',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/enable-modsecurity: "true"',
      '    nginx.ingress.kubernetes.io/enable-owasp-core-rules: "true"',
      '    nginx.ingress.kubernetes.io/modsecurity-snippet: |',
      '      SecRuleEngine On',
      '# AWS Load Balancer Controller: alb.ingress.kubernetes.io/wafv2-acl-arn: arn:aws:wafv2:...:regional/webacl/api/...',
      '# GKE: a BackendConfig with securityPolicy.name (Cloud Armor) on every backend Service',
      '# Application Gateway: appgw.ingress.kubernetes.io/waf-policy-for-path: /subscriptions/.../ApplicationGatewayWebApplicationFirewallPolicies/api',
    ].join('\n'),
    terraform: [
      'resource "aws_wafv2_web_acl_association" "prod" {',
      '  resource_arn = aws_api_gateway_stage.prod.arn',
      '  web_acl_arn  = aws_wafv2_web_acl.api.arn # scope = "REGIONAL", with managed rule groups and override_action { none {} }',
      '}',
      '# HTTP APIs cannot be associated with a web ACL: put an aws_cloudfront_distribution with web_acl_id = aws_wafv2_web_acl.edge.arn',
      '# (scope = "CLOUDFRONT") in front of the API and disable_execute_api_endpoint = true on the API.',
      '',
      '# Azure API Management: an Application Gateway WAF v2 in Prevention mode in front of the gateway',
      '# (and the gateway in an Internal virtual network, so the WAF cannot be bypassed)',
      'resource "azurerm_web_application_firewall_policy" "api" {',
      '  name                = "wafpol-api"',
      '  resource_group_name = azurerm_resource_group.api.name',
      '  location            = azurerm_resource_group.api.location',
      '  policy_settings {',
      '    enabled = true',
      '    mode    = "Prevention"',
      '  }',
      '  managed_rules {',
      '    managed_rule_set {',
      '      type    = "OWASP"',
      '      version = "3.2"',
      '    }',
      '  }',
      '}',
      'resource "azurerm_application_gateway" "api" {',
      '  # ... sku { name = "WAF_v2", tier = "WAF_v2" }, listener, routing rule',
      '  firewall_policy_id = azurerm_web_application_firewall_policy.api.id',
      '  backend_address_pool {',
      '    name  = "apim"',
      '    fqdns = [replace(azurerm_api_management.apim.gateway_url, "https://", "")]',
      '  }',
      '}',
      '# (Front Door: azurerm_cdn_frontdoor_firewall_policy with mode = "Prevention", attached by azurerm_cdn_frontdoor_security_policy)',
    ].join('\n'),
    cloudformation: [
      '# REST API stage: associate a regional web ACL (managed rule groups with OverrideAction None, or block rules)',
      'ProdStageWaf:',
      '  Type: AWS::WAFv2::WebACLAssociation',
      '  Properties:',
      '    ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${ProdStage}',
      '    WebACLArn: !GetAtt ApiWebAcl.Arn',
      '# SAM: the stage of AWS::Serverless::Api `Api` is ${Api.Stage}:',
      '#   ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Api.Stage}',
      '',
      '# HTTP APIs cannot be associated with a web ACL: put CloudFront with a CLOUDFRONT-scope web ACL in front,',
      '# and DisableExecuteApiEndpoint: true on the API',
      'Distribution:',
      '  Type: AWS::CloudFront::Distribution',
      '  Properties:',
      '    DistributionConfig:',
      '      WebACLId: !GetAtt EdgeWebAcl.Arn',
      '      # ...',
    ].join('\n'),
    aws: [
      '# REST API stage: create a regional web ACL with a managed rule group, then associate it with the stage',
      'aws wafv2 create-web-acl --scope REGIONAL --region eu-west-1 --name api-protection --default-action Allow={} \\',
      '  --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=api-protection \\',
      '  --rules \'[{"Name":"common","Priority":0,"Statement":{"ManagedRuleGroupStatement":{"VendorName":"AWS","Name":"AWSManagedRulesCommonRuleSet"}},"OverrideAction":{"None":{}},"VisibilityConfig":{"SampledRequestsEnabled":true,"CloudWatchMetricsEnabled":true,"MetricName":"common"}}]\'',
      'aws wafv2 associate-web-acl --region eu-west-1 --web-acl-arn WEB_ACL_ARN \\',
      '  --resource-arn arn:aws:apigateway:eu-west-1::/restapis/API_ID/stages/prod',
      '',
      '# HTTP and WebSocket APIs cannot take a web ACL: put CloudFront in front, with a web ACL of scope CLOUDFRONT (us-east-1),',
      '# and turn off the execute-api endpoint so that nobody goes around it',
      'aws apigatewayv2 update-api --api-id API_ID --disable-execute-api-endpoint',
      '# Console: WAF & Shield > Web ACLs > (web ACL) > Associated AWS resources > Add (REST stage or CloudFront distribution)',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html',
    'https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-integrate-internal-vnet-appgateway',
  ],
  evaluate(stage, { graph }) {
    const paths = wafsProtecting(graph, stage);
    let verdicts = paths.map((path) => ({ path, strength: pathStrength(path) }));
    const api = apiOf(graph, stage);
    const endpoint = api?.attrs.endpointType;
    if (api && endpoint && endpoint.state !== 'unknown' && (endpoint.value === 'private' || endpoint.value === 'internal')) {
      // Private (and internal) APIs are reachable only from inside the network (interface VPC endpoints), unless a
      // gateway in front publishes them: then each such gateway is a way in from the internet, and needs a blocking
      // WAF of its own (one on a gateway with private frontends only filters none of that traffic).
      const { facing, doubtful } = internetFronts(graph, api);
      const [doubt] = doubtful;
      if (facing.length === 0) return doubt ? unknown(`Cannot tell whether stage ${stage.name} is published to the internet: ${doubt.why}`, doubt.source ?? stage.source) : pass();
      const unguarded = new Set(facing.filter((front) => !verdicts.some((v) => v.path.via.id === front.id && v.strength.state === 'blocks')).map((front) => front.id));
      if (unguarded.size === 0) return pass();
      verdicts = verdicts.filter((v) => unguarded.has(v.path.via.id));
    } else if (verdicts.some((v) => v.strength.state === 'blocks')) {
      return pass();
    } else if (endpoint?.state === 'unknown') {
      return unknown(`Cannot tell whether stage ${stage.name} is public: the endpoint type of ${api?.name ?? 'its API'} is not known statically (${endpoint.expr ?? 'computed'})`, endpoint.source ?? stage.source);
    }

    for (const { strength } of verdicts) {
      if (strength.state === 'unknown') return unknown(`Cannot tell whether a WAF blocks traffic to stage ${stage.name}: ${strength.reason}`, strength.source ?? stage.source);
    }
    // A REST API may be private; HTTP and WebSocket APIs never are, so their stages fail without their API.
    if (!api && stage.attrs.apiFlavor === 'rest') {
      return unknown(`Stage ${stage.name} has no blocking WAF in front of it, but its API is not in the scan, so whether it is private (and needs none) cannot be told`, stage.source);
    }
    const passive = verdicts.flatMap(({ path, strength }) => (strength.state === 'passive' ? [{ path, reason: strength.reason, source: strength.source }] : []));
    const first = passive[0];
    if (first) {
      return fail(
        `Stage ${stage.name} is only covered by WAFs that block nothing: ${passive.map((p) => `${p.reason} (on ${p.path.via.name})`).join('; ')}`,
        first.source ?? first.path.waf.source,
      );
    }
    if (api && (api.attrs.flavor === 'http' || api.attrs.flavor === 'websocket')) {
      return fail(
        `Stage ${stage.name} has no WAF in front of it, and ${api.attrs.flavor === 'http' ? 'HTTP' : 'WebSocket'} API ${api.name} cannot be associated with a web ACL: front it with CloudFront and a WAF`,
        stage.source,
      );
    }
    return fail(`Stage ${stage.name} has no WAF in front of it (none on the stage, its API, a custom domain, or an enabled CDN or application gateway in front)`, stage.source);
  },
});
