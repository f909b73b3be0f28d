// Robustness of the loader against bad input: every shipped scenario, mutated at random (a line
// dropped, a value replaced by a negative, huge, empty or wrong-typed one, a key misspelt, junk
// inserted), must either load or be refused with located InputProblems, never throw anything else
// (which would reach the user as a stack trace); what loads must run without crashing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { StreamFactory } from '../../src/kernel/random-stream.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { runScenario } from '../../src/run/run-scenario.js';

const REPLACEMENTS = ['-5s', '-1', '0', '1e309', '999999999999', '""', '[]', '{}', 'null', 'true', '2.5', '"*"', 'abc', '0ms', '1/s', '150%', '[[a]]'];
const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);

function mutate(text: string, pick: (n: number) => number): string {
  const lines = text.split('\n');
  const i = pick(lines.length);
  const line = lines[i]!;
  switch (pick(5)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines[i] = line.replace(/(:\s*)([^,}\]\s#][^,}\]#]*)/, (_, colon: string) => colon + REPLACEMENTS[pick(REPLACEMENTS.length)]);
      break;
    case 2:
      lines[i] = line.replace(/([a-z-]+):/, (_, key: string) => `${key.slice(0, -1)}x:`);
      break;
    case 3:
      lines.splice(i, 0, '  junk: [unclosed');
      break;
    default:
      lines[i] = line.replace(/\d+/, String(pick(3) === 0 ? -pick(100) : pick(10_000_000)));
  }
  return lines.join('\n');
}

describe('the loader on mutated scenarios', () => {
  const files = readdirSync('scenarios').filter((file) => file.endsWith('.yaml'));
  const stream = new StreamFactory(2026).stream('mutations');
  const pick = (n: number) => stream.int(n);

  it('loads or refuses with located problems, and never throws anything else', async () => {
    let refused = 0;
    let loaded = 0;
    for (let round = 0; round < 300; round++) {
      const file = files[pick(files.length)]!;
      const text = mutate(readFileSync(join('scenarios', file), 'utf8'), pick);
      try {
        const scenario = await loadScenario({ file, text, resolveModel, scenarioDir: 'scenarios' });
        // What loads must also run (briefly): a valid scenario never crashes the simulator.
        const result = runScenario({ ...scenario, limits: { eventCountMax: 50_000 } });
        expect(['completed', 'event-budget-exhausted', 'drain-limit-reached', 'pending-limit-reached']).toContain(result.stopReason);
        loaded++;
      } catch (error) {
        if (!(error instanceof InputError)) {
          throw new Error(`round ${round}, ${file}: ${(error as Error).stack}\n--- input ---\n${text}`);
        }
        refused++;
        for (const problem of error.problems) {
          expect(problem.file).toBe(file);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }
    }
    // Most mutations break something; the test would be empty if none did.
    expect(refused).toBeGreaterThan(100);
    expect(loaded).toBeGreaterThan(30);
  });
});
