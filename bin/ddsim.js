#!/usr/bin/env node
// The ddsim executable: loads the compiled CLI (built by `npm run build`, run on `npm ci`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
