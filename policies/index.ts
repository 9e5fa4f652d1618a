import type { AnyPolicy } from '../src/engine/policy';
import authenticationJwtValidation from './authentication/jwt-validation';
import authenticationRouteAuthorization from './authentication/route-authorization';
import authenticationUnusedAuthorizer from './authentication/unused-authorizer';
import dataExposureCacheEncryption from './data-exposure/cache-encryption';
import dataExposureCorsWildcard from './data-exposure/cors-wildcard';
import dataExposureDataTraceLogging from './data-exposure/data-trace-logging';
import documentationApiSpec from './documentation/api-spec';
import encryptionBackendClientCertificate from './encryption/backend-client-certificate';
import encryptionBackendTls from './encryption/backend-tls';
import encryptionHttpsOnly from './encryption/https-only';
import encryptionTlsVersion from './encryption/tls-version';
import keyManagementApiKeyInCode from './key-management/api-key-in-code';
import keyManagementApiKeyRotation from './key-management/api-key-rotation';
import keyManagementApiKeyScope from './key-management/api-key-scope';
import leastPrivilegeConfigSnippet from './least-privilege/config-snippet';
import leastPrivilegeResourcePolicyWildcard from './least-privilege/resource-policy-wildcard';
import exposureDefaultEndpointBypass from './exposure/default-endpoint-bypass';
import exposurePublicEndpoint from './exposure/public-endpoint';
import monitoringAccessLogging from './monitoring/access-logging';
import monitoringExecutionLogging from './monitoring/execution-logging';
import monitoringTracing from './monitoring/tracing';
import validationBodySizeLimit from './validation/body-size-limit';
import validationRequestValidation from './validation/request-validation';
import apiManagementQuota from './api-management/quota';
import apiManagementPolicyInheritance from './api-management/policy-inheritance';
import apiManagementThrottling from './api-management/throttling';
import apiManagementWafProtection from './api-management/waf-protection';
import shadowApisUndeployedStage from './shadow-apis/undeployed-stage';

/** Every built-in policy, sorted by id (the policy meta-test checks the order and that each file is registered). */
export const builtinPolicies: readonly AnyPolicy[] = [
  authenticationRouteAuthorization,
  authenticationJwtValidation,
  authenticationUnusedAuthorizer,
  dataExposureDataTraceLogging,
  dataExposureCacheEncryption,
  dataExposureCorsWildcard,
  documentationApiSpec,
  exposurePublicEndpoint,
  exposureDefaultEndpointBypass,
  keyManagementApiKeyInCode,
  keyManagementApiKeyRotation,
  keyManagementApiKeyScope,
  monitoringAccessLogging,
  monitoringExecutionLogging,
  monitoringTracing,
  apiManagementThrottling,
  apiManagementWafProtection,
  apiManagementQuota,
  apiManagementPolicyInheritance,
  leastPrivilegeResourcePolicyWildcard,
  leastPrivilegeConfigSnippet,
  shadowApisUndeployedStage,
  encryptionTlsVersion,
  encryptionHttpsOnly,
  encryptionBackendTls,
  encryptionBackendClientCertificate,
  validationRequestValidation,
  validationBodySizeLimit,
];
