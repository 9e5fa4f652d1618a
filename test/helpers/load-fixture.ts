import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinProviders } from '../../providers';
import { loadAwsRecording } from './aws-recording';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { buildGraph } from '../../src/graph/build';
import type { ResourceGraph } from '../../src/graph/graph';

/** The repository root (tests run from anywhere). */
export const REPO_ROOT = join(__dirname, '..', '..');

/** One fixture file: `policies/<area>/__fixtures__/<slug>/<provider>/<file>`. */
export interface FixtureFile {
  readonly area: string;
  readonly slug: string;
  readonly provider: string;
  /** Absolute path. */
  readonly file: string;
  /** Path from the repository root, for test names. */
  readonly relativePath: string;
}

/** Every fixture file under policies/, found at run time (others add fixtures all the time). */
export function discoverFixtures(policiesDir = join(REPO_ROOT, 'policies')): FixtureFile[] {
  const found: FixtureFile[] = [];
  if (!existsSync(policiesDir)) return found;
  for (const area of sortedDirs(policiesDir)) {
    const fixturesDir = join(policiesDir, area, '__fixtures__');
    if (!existsSync(fixturesDir)) continue;
    for (const slug of sortedDirs(fixturesDir)) {
      for (const provider of sortedDirs(join(fixturesDir, slug))) {
        const providerDir = join(fixturesDir, slug, provider);
        for (const name of readdirSync(providerDir).sort()) {
          const file = join(providerDir, name);
          if (!statSync(file).isFile()) continue;
          found.push({ area, slug, provider, file, relativePath: relative(REPO_ROOT, file) });
        }
      }
    }
  }
  return found;
}

function sortedDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/**
 * Loads files through the real provider adapter of that id and builds the graph, as a scan would. `aws` fixtures are
 * recorded responses of a live audit (test/helpers/aws-recording.ts), fed straight into the pure live adapters; their
 * recording time is the scan time (`now`) policies judge ages by.
 */
export async function loadFixture(files: readonly string[], providerId: string): Promise<{ graph: ResourceGraph; diagnostics: Diagnostic[]; now?: Date }> {
  if (providerId === 'aws') {
    const recordings = files.map(loadAwsRecording);
    const built = buildGraph(recordings.map((r) => r.loaded));
    const now = recordings[0]?.recordedAt;
    return { graph: built.graph, diagnostics: built.diagnostics, ...(now && { now }) };
  }
  const provider = builtinProviders.find((p) => p.id === providerId);
  if (!provider) throw new Error(`no built-in provider "${providerId}" (fixture folder names must be provider ids)`);
  const result = await provider.load({ files, options: {} });
  const built = buildGraph([result]);
  return { graph: built.graph, diagnostics: built.diagnostics };
}
