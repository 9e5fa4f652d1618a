import type { Catalog } from '../catalog';
import { dig, str, type K8sObject } from '../manifest';
import { awsLoadBalancerSettings } from './aws-load-balancer';
import { applicationGatewaySettings } from './application-gateway';
import { gkeSettings } from './gke';
import { ingressNginxSettings } from './ingress-nginx';
import { annotation, unknownController, type ControllerContext, type IngressSettings } from './settings';
import { traefikSettings } from './traefik';

type ControllerId = 'ingress-nginx' | 'aws-alb' | 'gke' | 'gke-internal' | 'azure-application-gateway' | 'traefik';

/** IngressClass `spec.controller` values of the controllers whose annotations we read. */
const BY_CONTROLLER: Readonly<Record<string, ControllerId>> = {
  'k8s.io/ingress-nginx': 'ingress-nginx',
  'ingress.k8s.aws/alb': 'aws-alb',
  'azure/application-gateway': 'azure-application-gateway',
  'traefik.io/ingress-controller': 'traefik',
};

/** Class names the controllers answer to by default, used when no IngressClass object of that name is scanned. */
const BY_CLASS_NAME: Readonly<Record<string, ControllerId>> = {
  'nginx': 'ingress-nginx',
  'alb': 'aws-alb',
  'gce': 'gke',
  'gce-internal': 'gke-internal',
  'azure/application-gateway': 'azure-application-gateway',
  'azure-application-gateway': 'azure-application-gateway',
  'traefik': 'traefik',
};

/**
 * The controller of an Ingress: `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation, looked
 * up among the scanned IngressClasses (their `spec.controller`), else by the class names controllers use by default;
 * without a class, the IngressClass annotated as the cluster default.
 * https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class
 */
export function settingsFor(ingress: K8sObject, catalog: Catalog): IngressSettings {
  const className = str(dig(ingress.body, 'spec', 'ingressClassName')) ?? annotation(ingress, 'kubernetes.io/ingress.class')?.value;
  let controller: ControllerId | undefined;
  let why: string;
  let assumed: string | undefined;
  if (className !== undefined) {
    const ingressClass = catalog.find('IngressClass', className, undefined);
    const declared = ingressClass ? str(dig(ingressClass.body, 'spec', 'controller')) : undefined;
    controller = declared !== undefined ? BY_CONTROLLER[declared] : BY_CLASS_NAME[className];
    why = declared !== undefined
      ? `the controller ${declared} of IngressClass ${className} is not one gatewarden reads`
      : `ingress class ${className} names no IngressClass in the scan and no known controller`;
  } else {
    const defaults = catalog.all('IngressClass').filter((c) => annotation(c, 'ingressclass.kubernetes.io/is-default-class')?.value === 'true');
    const declared = defaults.length === 1 && defaults[0] ? str(dig(defaults[0].body, 'spec', 'controller')) : undefined;
    controller = declared !== undefined ? BY_CONTROLLER[declared] : undefined;
    why = `Ingress ${ingress.name} names no ingress class and no default IngressClass is in the scan: its controller is not known`;
    if (defaults.length === 0) {
      controller = byAnnotationPrefix(ingress);
      if (controller !== undefined) assumed = `Ingress ${ingress.name} names no ingress class and no default IngressClass is in the scan: read as ${controller}, the only controller its annotations are written for`;
    }
  }
  const settings = controllerSettings(controller, { ingress, catalog }, why);
  return assumed === undefined ? settings : { ...settings, assumed };
}

function controllerSettings(controller: ControllerId | undefined, context: ControllerContext, why: string): IngressSettings {
  switch (controller) {
    case 'ingress-nginx':
      return ingressNginxSettings(context);
    case 'aws-alb':
      return awsLoadBalancerSettings(context);
    case 'gke':
      return gkeSettings(context, false);
    case 'gke-internal':
      return gkeSettings(context, true);
    case 'azure-application-gateway':
      return applicationGatewaySettings(context);
    case 'traefik':
      return traefikSettings(context);
    case undefined:
      return unknownController(context.ingress, why);
  }
}

/** Annotation prefixes only one controller reads (NGINX Inc.'s own controller uses `nginx.org/`, not these). */
const BY_ANNOTATION_PREFIX: Readonly<Record<string, ControllerId>> = {
  'nginx.ingress.kubernetes.io/': 'ingress-nginx',
  'alb.ingress.kubernetes.io/': 'aws-alb',
  'appgw.ingress.kubernetes.io/': 'azure-application-gateway',
  'traefik.ingress.kubernetes.io/': 'traefik',
};

/**
 * The controller an Ingress without a class is written for, when its annotations name exactly one: many manifests
 * rely on the cluster's default class (not in the scan) and still carry, say, ingress-nginx snippets that only
 * ingress-nginx would apply. Annotations for two controllers, or none, leave the controller unknown.
 */
function byAnnotationPrefix(ingress: K8sObject): ControllerId | undefined {
  const found = new Set<ControllerId>();
  for (const key of Object.keys(ingress.annotations)) {
    for (const [prefix, controller] of Object.entries(BY_ANNOTATION_PREFIX)) if (key.startsWith(prefix)) found.add(controller);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
