// Start-up cost, guarded by what a child process loads rather than by its wall time (which a
// shared machine stretches): `ddsim --version` loads no package and not the run command; a quiet
// `ddsim run` of a built-in model loads no tsx (a user's .ts model only), ora (a terminal spinner
// only), cli-table3 (tables only) nor seedrandom's index (which brings node:crypto); and, once
// `npm run build` has bundled the CLI (src/build/bundle-cli.ts), bin/ddsim.js runs the bundle, not
// the ~180 separate modules of dist/. Every ES module a child loads is seen by a module.register
// hook that writes its URL to file descriptor 3.

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOT_URL = pathToFileURL(ROOT).href;
const built = existsSync(join(ROOT, 'dist/cli/main.js')); // `npm test` builds first

const HOOKS = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; export async function load(url, context, next) { writeSync(3, url + '\\n'); return next(url, context); }",
)}`;
const PRELOAD = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(HOOKS)});`)}`;

/** The URLs of the modules `ddsim <args>` loads (repository files relative to the root), and its exit code. */
function loadedModules(args: readonly string[]): { modules: string[]; code: number | null } {
  const child = spawnSync(process.execPath, ['--import', PRELOAD, 'bin/ddsim.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const listed = String(child.output[3] ?? '');
  const modules = listed
    .split('\n')
    .filter((url) => url !== '' && !url.startsWith('data:'))
    .map((url) => (url.startsWith(`${ROOT_URL}/`) ? url.slice(ROOT_URL.length + 1) : url));
  return { modules, code: child.status };
}

function packagesIn(modules: readonly string[]): string[] {
  const names = modules.flatMap((url) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match === null ? [] : [match[1]!];
  });
  return [...new Set(names)].sort();
}

/** As bin/ddsim.js decides: the bundle runs while it is at least as new as dist/cli/main.js. */
function bundleSkipReason(): string | null {
  const bundled = join(ROOT, 'dist/cli-bundle/main.js');
  if (!existsSync(bundled)) return 'no dist/cli-bundle/ (run `npm run build`, not tsc alone)';
  if (statSync(bundled).mtimeMs < statSync(join(ROOT, 'dist/cli/main.js')).mtimeMs) return 'dist/cli-bundle/ is older than dist/ (run `npm run build`)';
  return null;
}

describe.skipIf(!built)('what start-up loads', () => {
  it('ddsim --version: no package, not the run command', () => {
    const { modules, code } = loadedModules(['--version']);
    expect(code).toBe(0);
    expect(modules).toContain('bin/ddsim.js');
    expect(packagesIn(modules)).toEqual([]);
    expect(modules).not.toContain('node:vm'); // the run command's watchdog
    expect(modules.filter((url) => url.startsWith('dist/cli/commands/') && !url.endsWith('/index.js'))).toEqual([]);
  });

  it('a quiet run of a built-in model: no tsx, ora, cli-table3 or seedrandom index', () => {
    const { modules, code } = loadedModules(['run', 'scenarios/pause-looks-dead.yaml', '-q']);
    expect(code).toBe(0);
    expect(modules).toContain('node:vm'); // the hook saw the run itself
    const packages = packagesIn(modules);
    for (const heavy of ['tsx', 'ora', 'cli-table3']) expect(packages).not.toContain(heavy);
    expect(modules.filter((url) => url.endsWith('node_modules/seedrandom/index.js'))).toEqual([]);
  });

  const skipReason = built ? bundleSkipReason() : null;
  if (skipReason !== null) console.warn(`the start-up bundle test is skipped: ${skipReason}`);

  it.skipIf(skipReason !== null)('with the bundle built, a run loads the bundle and the model API, nothing else of dist/', () => {
    const { modules, code } = loadedModules(['run', 'scenarios/pause-looks-dead.yaml', '-q']);
    expect(code).toBe(0);
    expect(modules).toContain('dist/cli-bundle/main.js');
    const unbundled = modules.filter((url) => url.startsWith('dist/') && !url.startsWith('dist/cli-bundle/') && !url.startsWith('dist/model/'));
    expect(unbundled).toEqual([]);
    expect(packagesIn(modules)).toEqual([]);
  });
});
