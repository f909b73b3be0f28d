// The shrinker: on a synthetic failure (a runner that reads the candidate's text and fails when
// two given faults are in it) it returns exactly those two, with `for:`, `at:`, `duration` and
// the rate cut down to the round values the failure still allows; the same input always shrinks
// to the same text in the same runs; and the real thing through `ddsim shrink`.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { shrinkScenario, type ShrinkSubject } from '../../src/explore/shrink.js';
import type { RunOutcome } from '../../src/sweep/sweep-record.js';
import { runCli } from '../sweep/cli-helpers.js';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const TEXT = [
  '# header comment, kept',
  'name: synthetic',
  'duration: 10s',
  'nodes: [a, b, c, d, e, f, g, h, client]',
  'system: { model: request-response, servers: [a, b, c, d, e, f, g, h] }',
  'workload: { clients: [client], rate: 100/s }',
  'faults:',
  ...NAMES.map((name, i) => `  - { at: ${i + 1}s, for: 2s, crash: ${name} }`),
  'expect:',
  '  - availability >= 0.99',
  '',
].join('\n');

interface Synthetic {
  readonly crashed: (name: string) => { crash: string; for: string } | undefined;
  readonly durationMs: number;
  readonly ratePerSecond: number;
}

const ms = (text: string) => (text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1000);

/** Fails `availability >= 0.99` when crashes of a and c are both there, a lasts 300ms or more, the run 4s or more and the rate is 20/s or more. */
const needsAandC = ({ crashed, durationMs, ratePerSecond }: Synthetic): boolean =>
  crashed('a') !== undefined && crashed('c') !== undefined && ms(crashed('a')!.for) >= 300 && durationMs >= 4000 && ratePerSecond >= 20;

function syntheticRun(text: string, failsWhen: (scenario: Synthetic) => boolean = needsAandC): RunOutcome {
  const scenario = parse(text) as { duration: string; faults: { crash: string; for: string }[]; workload: { rate: string } };
  const fails = failsWhen({
    crashed: (name) => scenario.faults.find((fault) => fault.crash === name),
    durationMs: ms(scenario.duration),
    ratePerSecond: Number.parseFloat(scenario.workload.rate),
  });
  return {
    kind: 'result',
    ok: !fails,
    stopReason: 'completed',
    metrics: { events: text.length },
    expectations: [{ expr: 'availability >= 0.99', ok: !fails, observed: fails ? 0.5 : 1 }],
  };
}

const subject: ShrinkSubject = {
  text: TEXT,
  file: 'synthetic.min.yaml',
  scenarioDir: '.',
  failure: { kind: 'expectation', expr: 'availability >= 0.99' },
  events: TEXT.length,
  runsSpent: 1,
};

async function shrinkSynthetic(maxRuns = 300, failsWhen = needsAandC) {
  const texts: string[] = [];
  const result = await shrinkScenario(subject, {
    maxRuns,
    run: async (input) => {
      texts.push(input.text);
      return syntheticRun(input.text, failsWhen);
    },
  });
  return { result, texts };
}

describe('shrinkScenario on a synthetic failure that needs faults a and c', () => {
  it('returns exactly {a, c}, each as short and as early as the failure allows, in a short run at a low rate', async () => {
    const { result } = await shrinkSynthetic();
    expect(result.faults.map((fault) => fault['crash'])).toEqual(['a', 'c']);
    expect(result.faults[0]).toEqual({ at: '0s', for: '300ms', crash: 'a' });
    expect(result.faults[1]).toEqual({ at: '0s', for: '1ms', crash: 'c' });
    expect(result.after).toMatchObject({ faultCount: 2, durationMs: 5000 });
    expect(result.before).toMatchObject({ faultCount: 8, durationMs: 10_000 });
    expect(result.text).toContain('rate: 20/s');
    expect(result.text.startsWith('# header comment, kept\nname: synthetic\n')).toBe(true);
    expect(result.changes).toContain('faults: 8 -> 2');
    expect(result.changes).toContain('duration 10s -> 5s');
    expect(result.budgetReached).toBe(false);
    expect(result.runsSpent).toBeLessThan(120);
  });

  it('is deterministic: the same candidates in the same order, the same text, the same runs', async () => {
    const first = await shrinkSynthetic();
    const second = await shrinkSynthetic();
    expect(second.texts).toEqual(first.texts);
    expect(second.result.text).toBe(first.result.text);
    expect(second.result.runsSpent).toBe(first.result.runsSpent);
    // No candidate is run twice.
    expect(new Set(first.texts).size).toBe(first.texts.length);
  });

  it('keeps the last fault when only a shortened run fails without it, and the run long enough for the fault to end', async () => {
    // Fails with a crash of g, or in any run shorter than 3s (with or without faults): the second is another failure.
    const { result } = await shrinkSynthetic(300, ({ crashed, durationMs }) => crashed('g') !== undefined || durationMs < 3000);
    expect(result.faults).toEqual([{ at: '0s', for: '1ms', crash: 'g' }]);
    expect(result.after.durationMs).toBe(2); // the first round value after the 1ms crash ends
    // A crash lasting 2s keeps the run at 3s or more.
    const long = await shrinkSynthetic(300, ({ crashed, durationMs }) => (crashed('g') !== undefined && ms(crashed('g')!.for) >= 2000) || durationMs < 2500);
    expect(long.result.faults).toEqual([{ at: '0s', for: '2s', crash: 'g' }]);
    expect(long.result.after.durationMs).toBe(3000);
  });

  it('stops at the run budget, says so, and still returns a scenario that fails', async () => {
    const { result, texts } = await shrinkSynthetic(10);
    expect(result.budgetReached).toBe(true);
    expect(result.runsSpent).toBe(10);
    expect(texts).toHaveLength(9); // the first of the 10 was the caller's
    expect(syntheticRun(result.text).ok).toBe(false);
  });
});

describe('ddsim shrink', () => {
  it('shrinks a real failing scenario to one fault, the same file twice, and the minimal file fails with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-shrink-'));
    const outputs: string[] = [];
    for (const name of ['one.min.yaml', 'two.min.yaml']) {
      const out = join(dir, name);
      const shrunk = await runCli(['shrink', 'test/explore/fixtures/retry-faults.yaml', '--out', out]);
      expect(shrunk.stderr).toBe('');
      expect(shrunk.code).toBe(1);
      expect(shrunk.stdout).toMatch(/faults\s+│\s+8 │\s+1 │/);
      expect(shrunk.stdout).toMatch(/\d+ runs spent; `duplicates == 0` still fails/);
      outputs.push(readFileSync(out, 'utf8').replace(name, 'NAME'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0]).toMatch(/^# Minimized by `ddsim shrink test\/explore\/fixtures\/retry-faults.yaml` in \d+ runs: `duplicates == 0` still fails\./);
    expect(outputs[0]).toContain('#   faults: 8 -> 1');
    const run = await runCli(['run', join(dir, 'one.min.yaml'), '--format', 'json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document.expectations.find((e: { expr: string }) => e.expr === 'duplicates == 0').ok).toBe(false);
    expect(document.faults.filter((f: { revert: boolean }) => !f.revert)).toHaveLength(1);
  });

  it('a scenario that passes has nothing to shrink: exit 0, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-shrink-'));
    const result = await runCli(['shrink', 'test/explore/fixtures/retry-faults.yaml', '--set', 'faults=[]', '--out', join(dir, 'x.min.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('nothing to shrink, nothing written');
    expect(existsSync(join(dir, 'x.min.yaml'))).toBe(false);
  });

  it('--expect names an expectation that does not fail: exit 2 with the expectations listed', async () => {
    const result = await runCli(['shrink', 'test/explore/fixtures/retry-faults.yaml', '--expect', 'availability >= 0.5', '--out', join(tmpdir(), 'never.min.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--expect availability >= 0.5: this expectation does not fail');
    expect(result.stderr).toContain('duplicates == 0 (fails)');
  });
});
