import type { KeyPath } from '../../key-lines';
import type { ExpandContext } from './expand-context';
import { ref, type PropertyOrigin } from './generate';
import type { SamProps } from './sam-props';

/** An authorizer SAM generates from the API's `Auth.Authorizers`, by the name routes use. */
export interface GeneratedAuthorizer {
  readonly logicalId: string;
  readonly type: string;
}

/** What an `Authorizer` name (from an event, or the API's `DefaultAuthorizer`) sets on a REST method or HTTP route. */
export interface AuthorizerAuth {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly origins: readonly PropertyOrigin[];
}

/**
 * `Authorizer: NONE | AWS_IAM | <name>` as `AuthorizationType` (and `AuthorizerId`) of the generated method or route;
 * the property names are the same on `AWS::ApiGateway::Method` and `AWS::ApiGatewayV2::Route`.
 */
export function authorizerAuth(
  sam: SamProps, at: KeyPath, authorizers: ReadonlyMap<string, GeneratedAuthorizer>, ctx: ExpandContext,
): AuthorizerAuth | undefined {
  const raw = sam.value(at);
  if (raw === undefined || raw === null) return undefined;
  const origins = [{ to: ['AuthorizationType'], sam, from: at }, { to: ['AuthorizerId'], sam, from: at }];
  const name = sam.string(at);
  if (name === undefined) return { properties: { AuthorizationType: raw }, origins };
  if (name === 'NONE' || name === 'AWS_IAM') return { properties: { AuthorizationType: name }, origins };
  const authorizer = authorizers.get(name);
  if (!authorizer) {
    ctx.notice(sam.locate(at), `${sam.logicalId}: authorizer ${name} is not defined in the API's Auth.Authorizers`, 'warning');
    return { properties: { AuthorizationType: `undefined authorizer ${name}` }, origins };
  }
  return { properties: { AuthorizationType: authorizer.type, AuthorizerId: ref(authorizer.logicalId) }, origins };
}

/** The invocation URI API Gateway calls a Lambda authorizer through, as SAM writes it. */
export function lambdaAuthorizerUri(functionArn: unknown): unknown {
  return { 'Fn::Sub': ['arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Arn}/invocations', { Arn: functionArn }] };
}
