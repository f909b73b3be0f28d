// `ddsim schema` prints the shipped scenario schema, exactly, and exits 0.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { fakeIo } from '../fake-io.js';

test('prints the JSON Schema that schema/scenario.schema.json holds', async () => {
  const io = fakeIo();
  const exitCode = await main(['node', 'ddsim', 'schema'], io);
  const shipped = readFileSync(fileURLToPath(new URL('../../../schema/scenario.schema.json', import.meta.url)), 'utf8');
  expect({ exitCode, err: io.err() }).toEqual({ exitCode: 0, err: '' });
  expect(io.out()).toBe(shipped);
  expect(JSON.parse(io.out()).properties.system).toBeDefined();
});
