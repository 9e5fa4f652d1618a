import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-DATA-002',
  slug: 'cache-encryption',
  title: 'Stage response caches are encrypted',
  severity: 'medium',
  category: 'data-exposure',
  control: 'cache-encryption',
  owasp: ['API3:2023', 'API8:2023'],
  target: 'api.stage',
  rationale:
    'A stage cache stores API responses, often personal or business data, outside the backend that owns them. ' +
    'Unencrypted, that copy escapes the encryption-at-rest controls applied to the backend data.',
  remediation: {
    terraform: [
      'resource "aws_api_gateway_stage" "prod" {',
      '  # ...',
      '  cache_cluster_enabled = true',
      '  cache_cluster_size    = "0.5"',
      '}',
      '',
      'resource "aws_api_gateway_method_settings" "all" {',
      '  rest_api_id = aws_api_gateway_rest_api.api.id',
      '  stage_name  = aws_api_gateway_stage.prod.stage_name',
      '  method_path = "*/*"',
      '  settings {',
      '    caching_enabled      = true',
      '    cache_data_encrypted = true',
      '  }',
      '}',
    ].join('\n'),
    cloudformation: [
      'ProdStage:',
      '  Type: AWS::ApiGateway::Stage',
      '  Properties:',
      '    RestApiId: !Ref Api',
      '    DeploymentId: !Ref Deployment',
      '    StageName: prod',
      '    CacheClusterEnabled: true',
      '    CacheClusterSize: \'0.5\'',
      '    MethodSettings:',
      '      - ResourcePath: /*',
      '        HttpMethod: \'*\'',
      '        CachingEnabled: true',
      '        CacheDataEncrypted: true',
      '# SAM: the same CacheClusterEnabled and MethodSettings properties on AWS::Serverless::Api',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html',
  ],
  frameworks: { 'pci-dss-4.0': ['3.5.1'], 'nist-800-53': ['SC-28'] },
  evaluate(stage) {
    const { cacheEnabled, cacheEncrypted } = stage.attrs;
    switch (cacheEnabled.state) {
      case 'unknown':
        return unknown(`\`${stage.name}\`: whether a cache is enabled is not known statically (${cacheEnabled.expr ?? 'computed'})`, cacheEnabled.source ?? stage.source);
      case 'set':
      case 'default':
        // No cache, nothing stored to encrypt.
        if (!cacheEnabled.value) return pass();
    }
    switch (cacheEncrypted.state) {
      case 'unknown':
        return unknown(`\`${stage.name}\`: cache encryption is not known statically (${cacheEncrypted.expr ?? 'computed'})`, cacheEncrypted.source ?? stage.source);
      case 'set':
      case 'default':
        return cacheEncrypted.value
          ? pass()
          : fail(`\`${stage.name}\` caches responses unencrypted (cache enabled, cache data encryption off)`, cacheEncrypted.source ?? cacheEnabled.source ?? stage.source);
    }
  },
});
