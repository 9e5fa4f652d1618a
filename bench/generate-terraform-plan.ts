import { writeFileSync } from 'node:fs';

/**
 * Generates the JSON of a large `terraform plan` (`terraform show -json` format 1.2, one line as Terraform writes it)
 * for the plan benchmark: a root module calling an `api` module once per service (`for_each`), each service a REST API
 * with resources, methods, integrations, a deployment, stages with method settings, a custom domain, a usage plan and
 * a WAF association whose `resource_arn` is known only after apply; plus an `edge` module with a nested `waf` module.
 * Next to each API: its Lambda handler, IAM role and log group. Three services in four exist already (a no-op change
 * with `before`, and the instance in `prior_state`), the fourth is created (values known after apply are unknown).
 * Every resource appears in `planned_values`, `resource_changes` and (once per block) `configuration`, as in real plans.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Instance {
  readonly module: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values: Record<string, Json>;
  readonly unknown: Record<string, Json>;
  /** Already applied: a no-op change with `before`, and the instance in `prior_state`, as most of a CI plan is. */
  readonly existing: boolean;
  /**
   * Computed arguments that hold the id of another resource once it exists (`resource_id`, `rest_api_id`): the
   * address whose id they hold, so that an existing instance's values name the same ids as in a real plan.
   */
  readonly ids?: Readonly<Record<string, string>>;
}

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

function pick<T>(i: number, salt: number, options: readonly T[]): T {
  const n = (i * 2654435761 + salt * 40503) >>> 0;
  return options[n % options.length] as T;
}

const ref = (...references: string[]): Json => ({ references });
const constant = (value: Json): Json => ({ constant_value: value });

/** Generates services until the file is about `targetBytes`; returns its size and resource count. */
export function generateTerraformPlan(file: string, targetBytes: number): { bytes: number; resources: number } {
  const services: Instance[][] = [];
  let estimate = 0;
  for (let i = 0; estimate < targetBytes; i++) {
    const instances = service(i);
    services.push(instances);
    // planned_values, resource_changes (before, after, after_unknown) and prior_state.
    estimate += instances.reduce((n, r) => n + JSON.stringify(r.values).length * (r.existing ? 5.6 : 2.3) + 700, 0);
  }
  const all = [...services.flat(), ...edge()];
  const text = JSON.stringify(plan(all, services.length));
  writeFileSync(file, text);
  return { bytes: Buffer.byteLength(text), resources: all.length };
}

function service(i: number): Instance[] {
  const key = `svc-${String(i).padStart(4, '0')}`;
  const module = `module.api["${key}"]`;
  const out: Instance[] = [];
  // Three services in four exist already; the fourth is being created.
  const existing = i % 4 !== 3;
  const add = (type: string, name: string, values: Record<string, Json>, unknown: Record<string, Json>, index?: string | number, ids?: Record<string, string>): void => {
    out.push({ module, type, name, values, unknown, existing, ...(index !== undefined && { index }), ...(ids && { ids }) });
  };
  const api = `${module}.aws_api_gateway_rest_api.this`;
  const deployment = `${module}.aws_api_gateway_deployment.this`;
  const resourceOf = (path: string): string => `${module}.aws_api_gateway_resource.this[${JSON.stringify(path)}]`;
  const endpoint = pick(i, 1, ['REGIONAL', 'REGIONAL', 'EDGE', 'PRIVATE']);
  add('aws_api_gateway_rest_api', 'this', {
    api_key_source: null, binary_media_types: null, body: null, description: `API of ${key}`, disable_execute_api_endpoint: pick(i, 2, [true, false]),
    endpoint_configuration: [{ types: [endpoint] }], fail_on_warnings: null, minimum_compression_size: null, name: key, parameters: null, put_rest_api_mode: null,
    tags: { team: `team-${i % 40}`, service: key },
  }, {
    api_key_source: true, arn: true, binary_media_types: true, created_date: true, endpoint_configuration: [{ types: [false], vpc_endpoint_ids: true }],
    execution_arn: true, id: true, minimum_compression_size: true, policy: true, root_resource_id: true, tags: {}, tags_all: true,
  }, undefined, { root_resource_id: `${api}#root` });
  const paths = ['orders', 'customers', 'invoices', 'payments', 'refunds', 'reports', 'users', 'sessions'];
  const methods = ['GET', 'POST', 'PUT', 'DELETE'];
  for (const path of paths) {
    add('aws_api_gateway_resource', 'this', { path_part: path }, { id: true, parent_id: true, path: true, rest_api_id: true }, path, { parent_id: `${api}#root`, rest_api_id: api });
    for (const method of methods) {
      const route = `${path}-${method}`;
      add('aws_api_gateway_method', 'this', {
        api_key_required: pick(i, method.length, [true, false]), authorization: pick(i, path.length + method.length, ['NONE', 'COGNITO_USER_POOLS', 'AWS_IAM', 'CUSTOM']),
        authorization_scopes: null, http_method: method, operation_name: null, request_models: null, request_parameters: null, request_validator_id: null,
      }, { authorizer_id: true, id: true, resource_id: true, rest_api_id: true }, route, { resource_id: resourceOf(path), rest_api_id: api });
      add('aws_api_gateway_integration', 'this', {
        cache_key_parameters: null, connection_id: null, connection_type: 'INTERNET', content_handling: null, credentials: null, http_method: method,
        integration_http_method: 'POST', passthrough_behavior: 'WHEN_NO_MATCH', request_parameters: null, request_templates: null, timeout_milliseconds: 29000,
        tls_config: [], type: pick(i, path.length, ['AWS_PROXY', 'HTTP_PROXY', 'HTTP']),
        uri: pick(i, method.length + 3, ['https://backend.internal.example.com/', 'http://legacy.internal.example.com/', `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:${key}/invocations`]),
      }, { cache_namespace: true, id: true, resource_id: true, rest_api_id: true, tls_config: [] }, route, { resource_id: resourceOf(path), rest_api_id: api });
    }
  }
  add('aws_api_gateway_deployment', 'this', { canary_settings: [], description: null, stage_description: null, stage_name: null, triggers: { redeployment: `${i}` }, variables: null },
    { canary_settings: [], created_date: true, execution_arn: true, id: true, invoke_url: true, rest_api_id: true, triggers: {} }, undefined, { rest_api_id: api });
  for (const stage of ['prod', 'staging']) {
    add('aws_api_gateway_stage', 'this', {
      access_log_settings: pick(i, stage.length, [[], [{ format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp"}' }]]), cache_cluster_enabled: pick(i, 9, [true, false, null]),
      cache_cluster_size: null, canary_settings: [], client_certificate_id: null, description: `${stage} stage of ${key}`, documentation_version: null, stage_name: stage,
      tags: { team: `team-${i % 40}` }, variables: { backend: `${key}.internal` }, xray_tracing_enabled: pick(i, 11, [true, false]),
    }, {
      access_log_settings: [{ destination_arn: true }], arn: true, canary_settings: [], deployment_id: true, execution_arn: true, id: true, invoke_url: true, rest_api_id: true,
      tags: {}, tags_all: true, variables: {}, web_acl_arn: true,
    }, stage, { deployment_id: deployment, rest_api_id: api });
    add('aws_api_gateway_method_settings', 'this', {
      method_path: '*/*', settings: [{ cache_data_encrypted: pick(i, 12, [true, false]), cache_ttl_in_seconds: 300, caching_enabled: false, data_trace_enabled: pick(i, 13, [true, false]),
        logging_level: pick(i, 14, ['OFF', 'ERROR', 'INFO']), metrics_enabled: true, require_authorization_for_cache_control: true, throttling_burst_limit: 500, throttling_rate_limit: 1000,
        unauthorized_cache_control_header_strategy: 'SUCCEED_WITH_RESPONSE_HEADER' }], stage_name: stage,
    }, { id: true, rest_api_id: true, settings: [{}] }, stage, { rest_api_id: api });
    add('aws_wafv2_web_acl_association', 'this', {}, { id: true, resource_arn: true, web_acl_arn: true }, stage);
  }
  add('aws_api_gateway_domain_name', 'this', {
    certificate_arn: null, certificate_body: null, certificate_chain: null, certificate_name: null, certificate_private_key: null, domain_name: `${key}.api.example.com`,
    endpoint_configuration: [{ types: ['REGIONAL'] }], mutual_tls_authentication: [], ownership_verification_certificate_arn: null, policy: null,
    regional_certificate_arn: 'arn:aws:acm:eu-west-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9', security_policy: pick(i, 15, ['TLS_1_0', 'TLS_1_2']), tags: null,
  }, {
    arn: true, certificate_upload_date: true, cloudfront_domain_name: true, cloudfront_zone_id: true, domain_name_id: true, endpoint_configuration: [{ types: [false] }], id: true,
    mutual_tls_authentication: [], ownership_verification_certificate_arn: true, regional_domain_name: true, regional_zone_id: true, tags_all: true,
  });
  add('aws_iam_role', 'handler', {
    assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    description: null, force_detach_policies: false, max_session_duration: 3600, name: `${key}-handler`, path: '/', permissions_boundary: null, tags: { service: key },
  }, { arn: true, create_date: true, id: true, inline_policy: true, managed_policy_arns: true, name_prefix: true, tags_all: true, unique_id: true });
  add('aws_lambda_function', 'handler', {
    architectures: ['arm64'], code_signing_config_arn: null, dead_letter_config: [], description: `Handler of ${key}`, environment: [{ variables: { TABLE: `${key}-table`, LOG_LEVEL: 'info' } }],
    ephemeral_storage: [{ size: 512 }], file_system_config: [], filename: 'build/handler.zip', function_name: `${key}-handler`, handler: 'index.handler', image_config: [], image_uri: null,
    kms_key_arn: null, layers: null, memory_size: 512, package_type: 'Zip', publish: false, replace_security_groups_on_destroy: null, replacement_security_group_ids: null,
    reserved_concurrent_executions: -1, runtime: 'nodejs20.x', s3_bucket: null, s3_key: null, s3_object_version: null, skip_destroy: false, snap_start: [], source_code_hash: 'q1w2e3r4t5y6u7i8o9p0',
    tags: { service: key }, timeout: 29, timeouts: null, tracing_config: [{ mode: 'Active' }], vpc_config: [],
  }, { arn: true, id: true, invoke_arn: true, last_modified: true, logging_config: true, qualified_arn: true, qualified_invoke_arn: true, role: true, signing_job_arn: true,
    signing_profile_version_arn: true, source_code_size: true, tags_all: true, version: true });
  add('aws_cloudwatch_log_group', 'access', { kms_key_id: null, log_group_class: 'STANDARD', name: `/aws/apigateway/${key}`, name_prefix: null, retention_in_days: 90, skip_destroy: false, tags: null },
    { arn: true, id: true, name_prefix: true, tags_all: true });
  add('aws_api_gateway_base_path_mapping', 'this', { base_path: null, stage_name: 'prod' }, { api_id: true, domain_name: true, id: true });
  add('aws_api_gateway_usage_plan', 'this', {
    api_stages: [{ stage: 'prod', throttle: [] }, { stage: 'staging', throttle: [] }], description: null, name: `${key}-plan`, product_code: null,
    quota_settings: [{ limit: 100000, offset: 0, period: 'MONTH' }], tags: null, throttle_settings: [{ burst_limit: 200, rate_limit: 100 }],
  }, { api_stages: [{ api_id: true, throttle: [] }, { api_id: true, throttle: [] }], arn: true, id: true, quota_settings: [{}], tags_all: true, throttle_settings: [{}] });
  return out;
}

/** The shared WAF, in `module.edge.module.waf`. */
function edge(): Instance[] {
  return [{
    module: 'module.edge.module.waf', type: 'aws_wafv2_web_acl', name: 'this',
    values: {
      association_config: [], captcha_config: [], challenge_config: [], custom_response_body: [], default_action: [{ allow: [], block: [{ custom_response: [] }] }], description: null,
      name: 'apis', rule: [{ action: [], captcha_config: [], challenge_config: [], name: 'common', override_action: [{ count: [], none: [{}] }], priority: 1, rule_label: [],
        statement: [{ managed_rule_group_statement: [{ managed_rule_group_configs: [], name: 'AWSManagedRulesCommonRuleSet', rule_action_override: [], scope_down_statement: [], vendor_name: 'AWS', version: '' }] }],
        visibility_config: [{ cloudwatch_metrics_enabled: true, metric_name: 'common', sampled_requests_enabled: true }] }],
      scope: 'REGIONAL', tags: null, token_domains: null, visibility_config: [{ cloudwatch_metrics_enabled: true, metric_name: 'apis', sampled_requests_enabled: true }],
    },
    unknown: { arn: true, capacity: true, id: true, lock_token: true, tags_all: true },
    existing: true,
  }];
}

function address(r: Instance): string {
  const key = r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `[${JSON.stringify(r.index)}]`;
  return `${r.module}.${r.type}.${r.name}${key}`;
}

function plan(instances: readonly Instance[], serviceCount: number): Json {
  const byModule = new Map<string, Instance[]>();
  for (const r of instances) {
    const list = byModule.get(r.module) ?? [];
    list.push(r);
    byModule.set(r.module, list);
  }
  const planned = (r: Instance): Json => ({
    address: address(r), mode: 'managed', type: r.type, name: r.name, ...(r.index !== undefined && { index: r.index }),
    provider_name: PROVIDER, schema_version: 0, values: known(r), sensitive_values: {},
  });
  const apiModules: Json[] = [...byModule.entries()].filter(([m]) => m.startsWith('module.api[')).map(([module, list]) => ({ resources: list.map(planned), address: module }));
  const edgeModule: Json = { address: 'module.edge', child_modules: [{ resources: (byModule.get('module.edge.module.waf') ?? []).map(planned), address: 'module.edge.module.waf' }] };
  return {
    format_version: '1.2',
    terraform_version: '1.6.6',
    variables: { services: { value: Array.from({ length: serviceCount }, (_, i) => `svc-${String(i).padStart(4, '0')}`) } },
    planned_values: { root_module: { child_modules: [...apiModules, edgeModule] } },
    resource_changes: instances.map((r) => ({
      address: address(r), module_address: r.module, mode: 'managed', type: r.type, name: r.name, ...(r.index !== undefined && { index: r.index }), provider_name: PROVIDER,
      change: r.existing
        ? { actions: ['no-op'], before: known(r), after: known(r), after_unknown: {}, before_sensitive: {}, after_sensitive: {} }
        : { actions: ['create'], before: null, after: known(r), after_unknown: r.unknown, before_sensitive: false, after_sensitive: {} },
    })),
    prior_state: {
      format_version: '1.0', terraform_version: '1.6.6',
      values: { root_module: { child_modules: [...byModule.entries()].map(([module, list]) => ({ resources: list.filter((r) => r.existing).map(planned), address: module })) } },
    },
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: PROVIDER, expressions: { region: constant('eu-west-1') } } },
      root_module: {
        module_calls: {
          api: { source: './modules/api', for_each_expression: ref('var.services'), expressions: { waf_arn: ref('module.edge.waf_arn', 'module.edge') }, module: apiModuleConfig() },
          edge: { source: './modules/edge', module: { outputs: { waf_arn: { expression: ref('module.waf.arn', 'module.waf') } }, module_calls: {
            waf: { source: 'registry.terraform.io/acme/waf/aws', version_constraint: '~> 2.0', module: { outputs: { arn: { expression: ref('aws_wafv2_web_acl.this.arn', 'aws_wafv2_web_acl.this') } },
              resources: [{ address: 'aws_wafv2_web_acl.this', mode: 'managed', type: 'aws_wafv2_web_acl', name: 'this', provider_config_key: 'waf:aws', schema_version: 0,
                expressions: { name: constant('apis'), scope: constant('REGIONAL'), default_action: [{ block: [{}] }] } }] } } } } },
        },
        variables: { services: { description: 'Services to deploy' } },
      },
    },
    timestamp: '2025-11-03T09:12:44Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** `after` omits the values known only after apply. */
function known(r: Instance): Json {
  const named = (name: string): string | undefined => (name === 'id' ? address(r) : r.ids?.[name]);
  const computed = (name: string): Json => {
    const of = named(name);
    if (of !== undefined) return idOf(of);
    return name.endsWith('arn') ? `arn:aws:apigateway:eu-west-1::/${r.type}/${address(r).length.toString(36)}${name}` : `${name}-${address(r).length.toString(36)}`;
  };
  const unknownNames = Object.keys(r.unknown).filter((name) => r.unknown[name] === true);
  const entries = Object.entries(r.values).filter(([name]) => !unknownNames.includes(name));
  if (r.existing) for (const name of unknownNames) entries.push([name, computed(name)]);
  return Object.fromEntries(entries);
}

/** A 10-character id like API Gateway's (`a1b2c3d4e5`), the same for the same address: FNV-1a of it, in base 36. */
function idOf(address: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) hash = Math.imul(hash ^ address.charCodeAt(i), 0x01000193) >>> 0;
  const high = Math.imul(hash ^ address.length, 0x9e3779b1) >>> 0;
  return (hash.toString(36) + high.toString(36)).padStart(10, '0').slice(-10);
}

function apiModuleConfig(): Json {
  const resource = (type: string, expressions: Record<string, Json>, forEach?: Json): Json => ({
    address: `${type}.this`, mode: 'managed', type, name: 'this', provider_config_key: 'api:aws', schema_version: 0, expressions, ...(forEach !== undefined && { for_each_expression: forEach }),
  });
  const api = ref('aws_api_gateway_rest_api.this.id', 'aws_api_gateway_rest_api.this');
  return {
    variables: { waf_arn: {} },
    resources: [
      resource('aws_api_gateway_rest_api', { name: ref('each.key'), description: ref('each.key'), endpoint_configuration: [{ types: ref('var.endpoint_types') }], disable_execute_api_endpoint: ref('var.disable_default') }),
      resource('aws_api_gateway_resource', { rest_api_id: api, parent_id: ref('aws_api_gateway_rest_api.this.root_resource_id', 'aws_api_gateway_rest_api.this'), path_part: ref('each.key') }, ref('local.paths')),
      resource('aws_api_gateway_method', { rest_api_id: api, resource_id: ref('aws_api_gateway_resource.this', 'each.value.path', 'each.value'), http_method: ref('each.value.method'), authorization: ref('each.value.authorization'), api_key_required: ref('each.value.api_key_required') }, ref('local.routes')),
      resource('aws_api_gateway_integration', { rest_api_id: api, resource_id: ref('aws_api_gateway_method.this', 'each.key'), http_method: ref('aws_api_gateway_method.this', 'each.key'), type: ref('each.value.type'), uri: ref('each.value.uri'), integration_http_method: constant('POST') }, ref('local.routes')),
      resource('aws_api_gateway_deployment', { rest_api_id: api, triggers: ref('aws_api_gateway_method.this', 'aws_api_gateway_integration.this') }),
      resource('aws_api_gateway_stage', { rest_api_id: api, deployment_id: ref('aws_api_gateway_deployment.this.id', 'aws_api_gateway_deployment.this'), stage_name: ref('each.key'), xray_tracing_enabled: ref('each.value.tracing'), access_log_settings: [{ destination_arn: ref('var.log_group_arn'), format: ref('local.log_format') }] }, ref('var.stages')),
      resource('aws_api_gateway_method_settings', { rest_api_id: api, stage_name: ref('aws_api_gateway_stage.this', 'each.key'), method_path: constant('*/*'), settings: [{ logging_level: ref('each.value.logging_level'), data_trace_enabled: ref('each.value.data_trace'), throttling_rate_limit: constant(1000), throttling_burst_limit: constant(500) }] }, ref('var.stages')),
      resource('aws_wafv2_web_acl_association', { resource_arn: ref('aws_api_gateway_stage.this', 'each.key'), web_acl_arn: ref('var.waf_arn') }, ref('var.stages')),
      resource('aws_api_gateway_domain_name', { domain_name: ref('each.key'), regional_certificate_arn: ref('var.certificate_arn'), security_policy: ref('var.tls_policy'), endpoint_configuration: [{ types: constant(['REGIONAL']) }] }),
      resource('aws_api_gateway_base_path_mapping', { api_id: api, domain_name: ref('aws_api_gateway_domain_name.this.domain_name', 'aws_api_gateway_domain_name.this'), stage_name: constant('prod') }),
      resource('aws_api_gateway_usage_plan', { name: ref('each.key'), api_stages: [{ api_id: api, stage: ref('aws_api_gateway_stage.this["prod"].stage_name', 'aws_api_gateway_stage.this["prod"]', 'aws_api_gateway_stage.this') }, { api_id: api, stage: ref('aws_api_gateway_stage.this["staging"].stage_name', 'aws_api_gateway_stage.this["staging"]', 'aws_api_gateway_stage.this') }], quota_settings: [{ limit: constant(100000), period: constant('MONTH') }], throttle_settings: [{ burst_limit: constant(200), rate_limit: constant(100) }] }),
    ],
  };
}
