// The scenario JSON Schema against a real validator (ajv, draft 2020-12, strict): it compiles,
// the shipped copy is what `ddsim schema` prints now, every shipped scenario passes it, and the
// mistakes the loader rejects (misspelt keys at every level, wrong types, out-of-range values)
// are rejected by the schema too.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors/input-error.js';
import { builtinModelNames, loadBuiltinModel, loadBuiltinModels } from '../../../src/models/registry.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../../src/scenario/resolve-model.js';
import { scenarioSchemaText } from '../../../src/scenario/schema/scenario-schema-text.js';

const ROOT = path.resolve(__dirname, '../../..');
const SHIPPED_SCHEMA = path.join(ROOT, 'schema/scenario.schema.json');
const HEADER = '# yaml-language-server: $schema=../schema/scenario.schema.json';
const models = await loadBuiltinModels();
const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);

const schemaText = await scenarioSchemaText(models);
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(schemaText));

function shippedScenarios(): string[] {
  return ['scenarios', 'examples'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => path.join(dir, file)),
  );
}

async function loaderRejects(text: string): Promise<boolean> {
  try {
    await loadScenario({ file: 'case.yaml', text, resolveModel, scenarioDir: ROOT });
    return false;
  } catch (error) {
    if (error instanceof InputError) return true;
    throw error;
  }
}

const VALID = `
duration: 10s
nodes: [client, { name: server, count: 2 }]
network: { latency: { dist: exponential, mean: 2ms }, loss: 1% }
system: { model: request-response, servers: "server-*", service: 5ms }
workload: { clients: [client], rate: 100/s, timeout: 150ms }
faults:
  - { at: 2s, for: 1s, crash: server-1 }
  - { random: { partition: { every: 2s..4s, for: 1s..2s, shape: halves } } }
`;

/** Each case: a change to VALID (replace `from` by `to`) that the loader rejects. */
const BAD_CASES: readonly { readonly what: string; readonly from: string; readonly to: string }[] = [
  { what: 'misspelt top-level key', from: 'duration: 10s', to: 'duraton: 10s' },
  { what: 'wrong-type duration', from: 'duration: 10s', to: 'duration: fast' },
  { what: 'duration without unit', from: 'duration: 10s', to: 'duration: 10' },
  { what: 'seed as text', from: 'duration: 10s', to: 'duration: 10s\nseed: "x"' },
  { what: 'probability above 1', from: 'loss: 1%', to: 'loss: 1.5' },
  { what: 'misspelt network key', from: 'loss: 1%', to: 'los: 1%' },
  { what: 'misspelt distribution key', from: 'mean: 2ms', to: 'maen: 2ms' },
  { what: 'unknown distribution', from: 'dist: exponential', to: 'dist: exponentail' },
  { what: 'misspelt system key of a built-in model', from: 'service: 5ms', to: 'servce: 5ms' },
  { what: 'misspelt workload key of a built-in model', from: 'timeout: 150ms', to: 'timeot: 150ms' },
  { what: 'rate without unit', from: 'rate: 100/s', to: 'rate: fast' },
  { what: 'misspelt fault key', from: 'crash: server-1 }', to: 'crash: server-1, mdoe: silent }' },
  { what: 'fault without action', from: 'crash: server-1 }', to: 'crsh: server-1 }' },
  { what: 'unknown crash mode', from: 'crash: server-1 }', to: 'crash: server-1, mode: loud }' },
  { what: 'misspelt random partition key', from: 'shape: halves', to: 'shap: halves' },
  { what: 'unknown partition shape', from: 'shape: halves', to: 'shape: thirds' },
  { what: 'negative count', from: 'count: 2', to: 'count: 0' },
  { what: 'unknown model', from: 'model: request-response', to: 'model: request-reponse' },
];

describe('scenario JSON Schema', () => {
  it('is valid draft 2020-12 (ajv compiles it in strict mode) and names its draft', () => {
    expect(typeof validate).toBe('function');
    expect(JSON.parse(schemaText).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('is shipped up to date (run `npm run schema` after changing what the loader reads)', () => {
    expect(readFileSync(SHIPPED_SCHEMA, 'utf8')).toBe(schemaText);
  });

  it.each(shippedScenarios())('%s starts with the schema line and passes the schema', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(text.split('\n')[0]).toBe(HEADER);
    const valid = validate(parse(text));
    expect(valid ? [] : validate.errors).toEqual([]);
  });

  it('accepts the valid base case, which the loader accepts', async () => {
    expect(await loaderRejects(VALID)).toBe(false);
    expect(validate(parse(VALID))).toBe(true);
  });

  it.each(BAD_CASES)('rejects what the loader rejects: $what', async ({ from, to }) => {
    expect(VALID).toContain(from);
    const text = VALID.replace(from, to);
    expect(await loaderRejects(text)).toBe(true);
    expect(validate(parse(text))).toBe(false);
  });

  it('has the built-in models\' keys, with descriptions and defaults', () => {
    const defs = JSON.parse(schemaText).$defs;
    for (const name of builtinModelNames()) expect(defs[`model-${name}-system`]).toBeDefined();
    const lock = defs['model-lock-system'].properties;
    expect(lock.lease.default).toBe('10s');
    expect(lock['renew-before'].default).toBeUndefined(); // half the lease: computed, not stated
    const workload = defs['model-leader-follower-workload'];
    expect(JSON.stringify(workload)).toContain('t-visibility');
  });
});
