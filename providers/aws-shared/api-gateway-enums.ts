import type { ApiFlavor, Authorization, AuthorizerType, BackendType, EndpointType, LogLevel } from '../../src/graph/kinds';

/**
 * API Gateway's enums as its API spells them, mapped to neutral values: Terraform and CloudFormation pass them through
 * unchanged, so both adapters read them through these tables (with `oneOf`, which is case-insensitive).
 */

// https://docs.aws.amazon.com/apigateway/latest/api/API_EndpointConfiguration.html
export const ENDPOINT_TYPES: Readonly<Record<string, EndpointType>> = { EDGE: 'edge', REGIONAL: 'regional', PRIVATE: 'private' };

// REST API methods: https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html#apigw-Type-Method-authorizationType
export const REST_AUTHORIZATIONS: Readonly<Record<string, Authorization>> = { NONE: 'none', AWS_IAM: 'iam', CUSTOM: 'lambda', COGNITO_USER_POOLS: 'cognito' };

// HTTP and WebSocket API routes: https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html
export const V2_AUTHORIZATIONS: Readonly<Record<string, Authorization>> = { NONE: 'none', AWS_IAM: 'iam', JWT: 'jwt', CUSTOM: 'lambda' };

// REST API authorizers: https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html
export const REST_AUTHORIZER_TYPES: Readonly<Record<string, AuthorizerType>> = { TOKEN: 'lambda', REQUEST: 'lambda', COGNITO_USER_POOLS: 'cognito' };

// Integrations of both API generations: https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html
export const INTEGRATION_TYPES: Readonly<Record<string, BackendType>> = {
  HTTP: 'http', HTTP_PROXY: 'http', AWS_PROXY: 'lambda', AWS: 'aws-service', MOCK: 'mock',
};

// Execution logging of both API generations: https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html
export const LOG_LEVELS: Readonly<Record<string, LogLevel>> = { OFF: 'off', ERROR: 'error', INFO: 'info' };

// `ProtocolType` of an HTTP or WebSocket API: https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html
export const API_FLAVORS: Readonly<Record<string, ApiFlavor>> = { HTTP: 'http', WEBSOCKET: 'websocket' };
