#!/usr/bin/env node
// The ddsim executable: loads the compiled CLI (built by `npm run build`, run on `npm ci`): the
// bundle of it in dist/cli-bundle/ (src/build/bundle-cli.ts: a few modules instead of about 180,
// for start-up time) while it is at least as new as dist/cli/main.js, else dist/cli/main.js itself
// (after a `tsc` without the bundling step, or where esbuild was missing). Both behave the same.
import { statSync } from 'node:fs';

const BUNDLED = new URL('../dist/cli-bundle/main.js', import.meta.url);
const COMPILED = new URL('../dist/cli/main.js', import.meta.url);

function bundleIsCurrent() {
  try {
    return statSync(BUNDLED).mtimeMs >= statSync(COMPILED).mtimeMs;
  } catch {
    return false;
  }
}

const { main } = await import(bundleIsCurrent() ? BUNDLED.href : COMPILED.href);
main(process.argv).then((code) => {
  process.exitCode = code;
});
