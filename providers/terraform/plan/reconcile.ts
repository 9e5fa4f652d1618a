import { dirname } from 'node:path';
import type { FileSource } from '../../../src/graph/source';
import type { RootModuleResources } from '../load';
import { isUnknown, type TfAttribute, type TfBody, type TfResource } from '../model';
import type { SourceScope } from './plan-body';
import { configAddress } from './traversal';

/** Share of a root's resources the plan must declare for the plan to be taken as made from that root. */
const MIN_SHARE = 0.8;

/**
 * The scanned HCL root module a plan was made from: the root whose resources (configuration addresses, instance
 * keys dropped) the plan declares, at least 80% of them; the most shared resources wins, then the root in the
 * plan's own directory. A root's registry modules may be missing from the HCL (not downloaded) while the plan has
 * them, so the share is measured on the root's side.
 */
export function matchRoot(planFile: string, planAddresses: readonly string[], roots: readonly RootModuleResources[]): RootModuleResources | undefined {
  const declared = new Set(planAddresses);
  let best: { root: RootModuleResources; shared: number; sameDir: boolean } | undefined;
  for (const root of roots) {
    const rootAddresses = new Set(root.resources.map((r) => configAddress(r.address)));
    if (rootAddresses.size === 0) continue;
    let shared = 0;
    for (const address of rootAddresses) if (declared.has(address)) shared++;
    if (shared === 0 || shared / rootAddresses.size < MIN_SHARE) continue;
    const sameDir = root.rootDir === dirname(planFile);
    if (!best || shared > best.shared || (shared === best.shared && sameDir && !best.sameDir)) best = { root, shared, sameDir };
  }
  return best?.root;
}

/** The .tf resources of a root, by address and by configuration address (plans may have other instance keys). */
export class HclResourceIndex {
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byConfig = new Map<string, TfResource>();

  constructor(resources: readonly TfResource[]) {
    for (const resource of resources) {
      this.byAddress.set(resource.address, resource);
      const config = configAddress(resource.address);
      if (!this.byConfig.has(config)) this.byConfig.set(config, resource);
    }
  }

  find(address: string): TfResource | undefined {
    return this.byAddress.get(address) ?? this.byConfig.get(configAddress(address));
  }
}

/** Locations taken from the .tf resource block: its attributes' lines, its nested blocks' lines, else the block's. */
export function hclSourceScope(resource: TfResource, planAddress: string): SourceScope {
  return bodyScope(resource.body, { ...resource.source, address: planAddress }, planAddress);
}

function bodyScope(body: TfBody | undefined, fallback: FileSource, address: string): SourceScope {
  const here = body ? withAddress(body.source, address) : fallback;
  return {
    body: here,
    attribute: (name) => {
      const attribute = body?.attributes[name];
      return attribute ? withAddress(attribute.source, address) : here;
    },
    block: (name, index) => {
      const blocks = body?.blocks[name];
      return bodyScope(blocks?.[index] ?? blocks?.[0], here, address);
    },
    writesBlock: (name) => (body ? body.blocks[name] !== undefined || body.unknownBlocks.includes(name) : undefined),
    knowsValue: (name) => {
      const attribute = ownAttribute(body, name);
      return attribute === undefined ? undefined : !isUnknown(attribute.value);
    },
    valueSource: (name) => ownAttribute(body, name)?.valueSource,
  };
}

function ownAttribute(body: TfBody | undefined, name: string): TfAttribute | undefined {
  return body && Object.hasOwn(body.attributes, name) ? body.attributes[name] : undefined;
}

function withAddress(source: FileSource, address: string): FileSource {
  return source.address === address ? source : { ...source, address };
}
