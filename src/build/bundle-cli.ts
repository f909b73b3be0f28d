// Bundles the compiled CLI (dist/cli/main.js and everything it imports, yaml and commander
// included) into a few ES modules in dist/cli-bundle/, run by `npm run build` after tsc. Loading
// about 180 small modules cost a `ddsim run` about 90 ms of CPU at start-up (Node's ESM loader
// resolves, reads and links each one); the bundle loads a few dozen. Code split at every dynamic
// import, so `--version` and each command still load only what they use.
// Left out of the bundle, loaded from their own files as before:
//   - dist/model/ (the model API and kit): a user's model imports it through `ddsim` (dist/index.js),
//     and must share its module instances (AssertionError, the kit's classes) with the runner;
//   - tsx, ora, cli-table3: needed only by a user's .ts model, a spinner or a table.
// bin/ddsim.js uses the bundle only while it is newer than dist/cli/main.js (a later `tsc` alone
// makes it stale) and falls back to dist/cli/main.js otherwise, so the bundle is an optimisation,
// never a second behaviour. esbuild comes with tsx (a dependency); without it, no bundle is made.

import { rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const BUNDLE_DIR = resolve(ROOT, 'dist/cli-bundle');
const ENTRY = resolve(ROOT, 'dist/cli/main.js');
/**
 * The worker threads' entries, bundled too (sharing the CLI's chunks): each sweep or explore
 * worker loads a few modules instead of about 110 (~110 ms of CPU per worker). The pools start
 * these when they run from the bundle themselves (src/sweep/worker-pool.ts), so the two are
 * always from the same build.
 */
const WORKER_ENTRIES = {
  'sweep-worker': resolve(ROOT, 'dist/sweep/sweep-worker.js'),
  'explore-worker': resolve(ROOT, 'dist/explore/explore-worker.js'),
};
const MODEL_DIR = resolve(ROOT, 'dist/model') + sep;

/** Packages a quiet run never needs: kept out so that they load only when used (and can be seen to). */
export const UNBUNDLED_PACKAGES: readonly string[] = ['tsx', 'ora', 'cli-table3'];

/** Bundled CommonJS (yaml, commander) calls require: give the bundle's modules one. */
const REQUIRE_BANNER = "import { createRequire as ddsimCreateRequire } from 'node:module'; const require = ddsimCreateRequire(import.meta.url);";

async function loadEsbuild(): Promise<typeof import('esbuild') | null> {
  try {
    return await import('esbuild');
  } catch {
    return null;
  }
}

/** An import of dist/model/ from outside it stays an import of that file (relative to the bundle). */
const modelStaysExternal: Plugin = {
  name: 'ddsim-model-external',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!target.startsWith(MODEL_DIR) || args.importer.startsWith(MODEL_DIR)) return undefined;
      return { path: `./${relative(BUNDLE_DIR, target).split(sep).join('/')}`, external: true };
    });
  },
};

export async function bundleCli(): Promise<number | null> {
  const esbuild = await loadEsbuild();
  if (esbuild === null) return null;
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { main: ENTRY, ...WORKER_ENTRIES },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    keepNames: true,
    external: UNBUNDLED_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    banner: { js: REQUIRE_BANNER },
    plugins: [modelStaysExternal],
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.outputs).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fileCount = await bundleCli();
  if (fileCount === null) console.error('bundle-cli: esbuild is not installed: no bundle (bin/ddsim.js loads dist/cli/main.js)');
  else console.error(`bundle-cli: ${fileCount} files in ${relative(ROOT, BUNDLE_DIR)}/`);
}
