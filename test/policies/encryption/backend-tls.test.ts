import policy from '../../../policies/encryption/backend-tls';
import { g, policyTester } from '../../helpers';

const https = { type: g.set('http' as const), url: g.set('https://orders.example.com'), usesTls: g.set(true), minTlsVersion: g.byDefault('1.2' as const) };

policyTester.run(policy, {
  valid: [
    { name: 'https backend with verification', graph: g.backend({ ...https, verifiesCertificate: g.byDefault(true), connection: g.byDefault('internet') }) },
    { name: 'lambda proxy (other attributes unknown)', graph: g.backend({ type: g.set('lambda') }) },
    { name: 'AWS service integration', graph: g.backend({ type: g.set('aws-service') }) },
    { name: 'mock integration', graph: g.backend({ type: g.set('mock'), usesTls: g.byDefault(false) }) },
    { name: 'https over a VPC link with verification', graph: g.backend({ ...https, verifiesCertificate: g.set(true), connection: g.set('vpc-link') }) },
    { name: 'in-cluster service over TLS', graph: g.backend({ type: g.set('service'), usesTls: g.set(true), verifiesCertificate: g.set(true), connection: g.set('private'), minTlsVersion: g.set('1.3') }) },
    { name: 'plain HTTP is not reported for a backend type that needs none', graph: g.backend({ type: g.set('mock'), minTlsVersion: g.set('1.0') }) },
  ],
  invalid: [
    {
      name: 'plain HTTP over the internet is high',
      graph: g.backend({ name: 'legacy', type: g.set('http'), url: g.set('http://orders.example.com/{proxy}'), usesTls: g.set(false), connection: g.byDefault('internet') }),
      findings: [{ node: 'legacy', message: /^`legacy` calls its backend http:\/\/orders\.example\.com\/\{proxy\} over plain HTTP$/, severity: 'high' }],
    },
    {
      name: 'plain HTTP over a VPC link is medium',
      graph: g.backend({ name: 'private', type: g.set('http'), url: g.set('http://nlb.internal:8080'), usesTls: g.set(false), connection: g.set('vpc-link') }),
      findings: [{ node: 'private', message: /over plain HTTP \(through a vpc-link connection\)/, severity: 'medium' }],
    },
    {
      name: 'plain HTTP with an unknown connection stays high',
      graph: g.backend({ name: 'unsure', type: g.set('http'), usesTls: g.set(false), connection: g.unknown('var.conn') }),
      findings: [{ node: 'unsure', message: /^`unsure` calls its backend over plain HTTP$/, severity: 'high' }],
    },
    {
      name: 'TLS without certificate verification',
      graph: g.backend({ name: 'skip', ...https, verifiesCertificate: g.set(false), connection: g.byDefault('internet') }),
      findings: [{ node: 'skip', message: /over TLS without verifying its certificate/, severity: 'high' }],
    },
    {
      name: 'plain HTTP is reported once, even when verification is unknown',
      graph: g.backend({ name: 'once', type: g.set('http'), usesTls: g.set(false), verifiesCertificate: g.unknown('x'), connection: g.set('internet') }),
      findings: [{ node: 'once', message: /plain HTTP/ }],
    },
    {
      name: 'in-cluster service over plain HTTP is medium',
      graph: g.backend({ name: 'svc', type: g.set('service'), usesTls: g.byDefault(false), connection: g.set('private') }),
      findings: [{ node: 'svc', message: /plain HTTP \(through a private connection\)/, severity: 'medium' }],
    },
    {
      name: 'APIM still offering TLS 1.0 to backends is medium',
      graph: g.backend({ name: 'apim-backend', ...https, verifiesCertificate: g.byDefault(true), connection: g.byDefault('internet'), minTlsVersion: g.set('1.0') }),
      findings: [{ node: 'apim-backend', message: /^`apim-backend` may call its backend https:\/\/orders\.example\.com over TLS 1\.0: the gateway still offers it to backends$/, severity: 'medium' }],
    },
    {
      name: 'no verification and TLS 1.1 on offer are two findings',
      graph: g.backend({ name: 'both', ...https, verifiesCertificate: g.set(false), connection: g.byDefault('internet'), minTlsVersion: g.set('1.1') }),
      findings: [{ node: 'both', message: /without verifying its certificate/, severity: 'high' }, { node: 'both', message: /over TLS 1\.1/, severity: 'medium' }],
    },
    {
      name: 'TLS 1.0 on offer fails even when verification is unknown',
      graph: g.backend({ name: 'old', ...https, verifiesCertificate: g.unknown('var.verify'), minTlsVersion: g.set('1.0') }),
      findings: [{ node: 'old', message: /over TLS 1\.0/ }],
    },
    {
      name: 'TLS 1.1 on offer fails even when the URL, and so its scheme, is not known',
      graph: g.backend({ name: 'opaque', type: g.set('http'), url: g.unknown('var.url'), usesTls: g.unknown('var.url'), minTlsVersion: g.set('1.1') }),
      findings: [{ node: 'opaque', message: /^`opaque` may call its backend over TLS 1\.1: the gateway still offers it to backends$/, severity: 'medium' }],
    },
  ],
  unknown: [
    { name: 'verified TLS, but the TLS floor towards backends is not published', graph: g.backend({ ...https, verifiesCertificate: g.set(true), minTlsVersion: g.unknown('API Gateway does not publish it') }) },
    { name: 'integration type from a variable', graph: g.backend({ type: g.unknown('var.type') }) },
    { name: 'uri from a variable', graph: g.backend({ type: g.set('http'), usesTls: g.unknown('var.backend_url') }) },
    { name: 'uri from a variable, TLS 1.2 floor', graph: g.backend({ type: g.set('http'), usesTls: g.unknown('var.backend_url'), minTlsVersion: g.set('1.2') }) },
    { name: 'TLS but verification unknown', graph: g.backend({ ...https, verifiesCertificate: g.unknown('var.skip'), connection: g.set('internet') }) },
  ],
});
