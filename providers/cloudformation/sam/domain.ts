import type { ExpandContext } from './expand-context';
import { alphanumeric, generateResource, ref } from './generate';
import type { SamProps } from './sam-props';

/**
 * `Domain` of a SAM API: a custom domain name and one mapping per `BasePath` (`/` when none), to the API's stage.
 * SAM names the domain `ApiGatewayDomainName<sha>` (`ApiGatewayDomainNameV2<sha>` for HTTP APIs), a hash of the
 * stack; here it is `<api>DomainName`, which is stable. Endpoint defaults to REGIONAL; `SecurityPolicy` is passed on
 * only when written, so API Gateway's own default applies (TLS_1_0 for public REST domains). A PRIVATE REST domain
 * becomes a DomainNameV2 with BasePathMappingV2 mappings, as SAM generates it.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapidomainconfiguration.html
 */
export function samApiDomain(api: SamProps, flavor: 'rest' | 'http', stage: string, ctx: ExpandContext): void {
  const domain = api.map(['Domain']);
  if (!domain || domain['DomainName'] === undefined) return;
  const id = api.logicalId;
  const logicalId = `${id}DomainName`;
  const endpoint = domain['EndpointConfiguration'] ?? 'REGIONAL';
  const source = api.locateOwn(['Domain']);
  const endpointName = api.string(['Domain', 'EndpointConfiguration'])?.toUpperCase();
  // A PRIVATE domain of a REST API is an AWS::ApiGateway::DomainNameV2 with BasePathMappingV2 mappings:
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html
  const privateRest = flavor === 'rest' && endpointName === 'PRIVATE';
  if (privateRest) {
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGateway::DomainNameV2', source, generatedFrom: id,
      properties: {
        DomainName: domain['DomainName'],
        CertificateArn: domain['CertificateArn'],
        EndpointConfiguration: { Types: ['PRIVATE'] },
        SecurityPolicy: domain['SecurityPolicy'],
        Policy: domain['Policy'],
      },
      origins: [
        { to: ['DomainName'], sam: api, from: ['Domain', 'DomainName'] },
        { to: ['CertificateArn'], sam: api, from: ['Domain', 'CertificateArn'] },
        { to: ['EndpointConfiguration'], sam: api, from: ['Domain', 'EndpointConfiguration'] },
        { to: ['SecurityPolicy'], sam: api, from: ['Domain', 'SecurityPolicy'] },
        { to: ['Policy'], sam: api, from: ['Domain', 'Policy'] },
      ],
    }));
  } else if (flavor === 'rest') {
    const isEdge = endpointName === 'EDGE';
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGateway::DomainName', source, generatedFrom: id,
      properties: {
        DomainName: domain['DomainName'],
        ...(isEdge ? { CertificateArn: domain['CertificateArn'] } : { RegionalCertificateArn: domain['CertificateArn'] }),
        EndpointConfiguration: { Types: [endpoint] },
        SecurityPolicy: domain['SecurityPolicy'],
        MutualTlsAuthentication: domain['MutualTlsAuthentication'],
      },
      origins: [
        { to: ['DomainName'], sam: api, from: ['Domain', 'DomainName'] },
        { to: ['CertificateArn'], sam: api, from: ['Domain', 'CertificateArn'] },
        { to: ['RegionalCertificateArn'], sam: api, from: ['Domain', 'CertificateArn'] },
        { to: ['EndpointConfiguration'], sam: api, from: ['Domain', 'EndpointConfiguration'] },
        { to: ['SecurityPolicy'], sam: api, from: ['Domain', 'SecurityPolicy'] },
        { to: ['MutualTlsAuthentication'], sam: api, from: ['Domain', 'MutualTlsAuthentication'] },
      ],
    }));
  } else {
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGatewayV2::DomainName', source, generatedFrom: id,
      properties: {
        DomainName: domain['DomainName'],
        DomainNameConfigurations: [{ CertificateArn: domain['CertificateArn'], EndpointType: endpoint, SecurityPolicy: domain['SecurityPolicy'] }],
        MutualTlsAuthentication: domain['MutualTlsAuthentication'],
      },
      origins: [
        { to: ['DomainName'], sam: api, from: ['Domain', 'DomainName'] },
        { to: ['DomainNameConfigurations'], sam: api, from: ['Domain'] },
        { to: ['DomainNameConfigurations', 0, 'SecurityPolicy'], sam: api, from: ['Domain', 'SecurityPolicy'] },
        { to: ['DomainNameConfigurations', 0, 'EndpointType'], sam: api, from: ['Domain', 'EndpointConfiguration'] },
        { to: ['MutualTlsAuthentication'], sam: api, from: ['Domain', 'MutualTlsAuthentication'] },
      ],
    }));
  }
  const basePaths = domain['BasePath'] === undefined ? ['/'] : Array.isArray(domain['BasePath']) ? (domain['BasePath'] as unknown[]) : [domain['BasePath']];
  basePaths.forEach((basePath, index) => {
    const key = typeof basePath === 'string' ? basePath.replace(/^\/+|\/+$/g, '') : basePath;
    const name = typeof key === 'string' ? alphanumeric(key) : String(index);
    const at = { to: [], sam: api, from: ['Domain', 'BasePath', index] };
    ctx.add(privateRest
      ? generateResource({
        logicalId: `${id}${name}BasePathMapping`, type: 'AWS::ApiGateway::BasePathMappingV2', source, generatedFrom: id,
        properties: { DomainNameArn: ref(logicalId), RestApiId: ref(id), Stage: ref(stage), BasePath: key === '' ? undefined : key },
        origins: domain['BasePath'] === undefined ? [] : [at],
      })
      : flavor === 'rest'
      ? generateResource({
        logicalId: `${id}${name}BasePathMapping`, type: 'AWS::ApiGateway::BasePathMapping', source, generatedFrom: id,
        properties: { DomainName: ref(logicalId), RestApiId: ref(id), Stage: ref(stage), BasePath: key === '' ? undefined : key },
        origins: domain['BasePath'] === undefined ? [] : [at],
      })
      : generateResource({
        logicalId: `${id}${name}ApiMapping`, type: 'AWS::ApiGatewayV2::ApiMapping', source, generatedFrom: id,
        properties: { DomainName: ref(logicalId), ApiId: ref(id), Stage: ref(stage), ApiMappingKey: key === '' ? undefined : key },
        origins: domain['BasePath'] === undefined ? [] : [at],
      }));
  });
}
