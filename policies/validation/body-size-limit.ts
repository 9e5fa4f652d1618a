import { z } from 'zod';
import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

const bodySizeOptions = z.strictObject({
  maxBytes: z.number().int().positive().default(100 * 1024 * 1024)
    .describe('Largest request body limit accepted, in bytes; a stage that accepts larger bodies fails (default 100 MiB)'),
});

export default definePolicy({
  id: 'GW-VAL-002',
  slug: 'body-size-limit',
  title: 'Gateways limit the size of request bodies',
  severity: 'medium',
  category: 'validation',
  control: 'body-size-limit',
  owasp: ['API4:2023'],
  target: 'api.stage',
  rationale:
    'A proxy that accepts request bodies of any size lets one client tie up memory, disk buffers and backend workers with a few huge uploads, ' +
    'and hands oversized payloads to parsers that were never meant to read them. ' +
    'API Gateway enforces a fixed 10 MB payload limit and is not checked; ingress-nginx limits bodies to 1 MiB unless `proxy-body-size` raises or removes the limit (`0`), ' +
    'and load balancers such as an ALB or Traefik without a Buffering middleware have no limit at all (a WAF size-constraint rule can set one).',
  remediation: {
    kubernetes: [
      '# ingress-nginx: keep a limit (the default is 1m; "0" removes it)',
      'metadata:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/proxy-body-size: "8m"',
      '# Traefik: a Buffering Middleware (spec.buffering.maxRequestBodyBytes: 8388608) in router.middlewares',
      '# AWS Load Balancer Controller / GKE: a size-constraint rule in the web ACL / Cloud Armor policy attached to the Ingress',
    ].join('\n'),
  },
  references: [
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#custom-max-body-size',
    'https://doc.traefik.io/traefik/middlewares/http/buffering/',
    'https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-size-constraint-match.html',
    'https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/',
  ],
  options: bodySizeOptions,
  evaluate(stage, { options }) {
    const limit = stage.attrs.maxBodyBytes;
    // Absent: the platform enforces a fixed limit of its own.
    if (limit === undefined) return pass();
    switch (limit.state) {
      case 'unknown':
        return unknown(`Cannot tell the request body limit of stage ${stage.name} (${limit.expr ?? 'computed'})`, limit.source ?? stage.source);
      case 'set':
      case 'default':
        if (limit.value === null) return fail(`Stage ${stage.name} accepts request bodies of any size`, limit.source ?? stage.source);
        return limit.value > options.maxBytes
          ? fail(`Stage ${stage.name} accepts request bodies up to ${formatBytes(limit.value)}, above the ${formatBytes(options.maxBytes)} allowed`, limit.source ?? stage.source)
          : pass();
    }
  },
});

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  return `${bytes} bytes`;
}
