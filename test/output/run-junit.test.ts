// `ddsim run --format junit`: the document of a failing and a passing run, read with a real XML
// parser and checked against the shape CI tools accept; failures carry the observed value, the
// witness and the reproduce command; undecided expectations are skipped, incomplete runs an error;
// names with markup and control characters survive escaping.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRunJunit, RUN_COMPLETES_CASE } from '../../src/report/run-junit.js';
import { runCli } from '../cli/fake-io.js';
import { buildExpectation, buildRunResult } from '../report/build-run-result.js';
import { parseJunit } from './junit-shape.js';

function hasCommand(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const XMLLINT = hasCommand('xmllint');

describe('ddsim run --format junit', () => {
  it('a failing and a passing run: one document, a suite per run, a failure per violated expectation', async () => {
    const { code, out, err } = await runCli(['run', 'scenarios/repl-split-brain.yaml', 'scenarios/pause-looks-dead.yaml', '--format', 'junit']);
    expect(err).toBe('');
    expect(code).toBe(1); // the format does not change the exit code
    const [failing, passing] = parseJunit(out);
    expect(failing.name).toBe('repl-split-brain (seed 3)');
    expect(failing.attributes.file).toBe('scenarios/repl-split-brain.yaml');
    expect(failing.cases.map((c) => [c.name, c.classname, c.outcome])).toEqual([
      ['single-leader', 'repl-split-brain', 'failure'],
      ['no-lost-writes', 'repl-split-brain', 'failure'],
    ]);
    const lost = failing.cases[1];
    const observed = new Map(failing.properties).get('metric:writes.lost');
    expect(lost.message).toBe(`no-lost-writes: observed ${observed} lost`);
    expect(lost.body).toContain(`observed: ${observed} lost`);
    expect(lost.body).toContain('witness:');
    expect(lost.body).toContain('lostWrites: [');
    expect(lost.body).toContain('Reproduce: ddsim run scenarios/repl-split-brain.yaml --seed 3');
    expect(failing.cases[0].body).toMatch(/leaders: \[/);

    expect(passing.name).toBe('pause-looks-dead (seed 3)');
    expect(passing.cases.length).toBeGreaterThan(0);
    expect(passing.cases.every((c) => c.outcome === 'passed')).toBe(true);
    expect(Number(passing.attributes.time)).toBeGreaterThan(0);
  });

  it('carries the settings and every metric of the run as properties', async () => {
    const json = JSON.parse((await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--format', 'json'])).out);
    const [suite] = parseJunit((await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--format', 'junit'])).out);
    const properties = new Map(suite.properties);
    expect(properties.get('seed')).toBe(String(json.seed));
    expect(properties.get('stop-reason')).toBe('completed');
    expect(properties.get('reproduce')).toBe(json.reproduce);
    for (const [name, value] of Object.entries(json.metrics)) {
      expect(properties.get(`metric:${name}`), name).toBe(value === null ? 'n/a' : String(value));
    }
  });

  it('a run cut short by its event budget is an error (and still exits 3)', async () => {
    const { code, out } = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=2000', '--format', 'junit']);
    expect(code).toBe(3);
    const [suite] = parseJunit(out);
    expect(suite.name).toBe('pause-looks-dead (seed 3, --set limits.events=2000)');
    const completes = suite.cases.find((c) => c.name === RUN_COMPLETES_CASE)!;
    expect(completes.outcome).toBe('error');
    expect(completes.type).toBe('event-budget-exhausted');
    expect(completes.body).toContain('Reproduce: ddsim run scenarios/pause-looks-dead.yaml --seed 3 --set limits.events=2000');
  });

  it('an expectation that could not be decided is skipped, saying it counts as failed', () => {
    const result = buildRunResult({
      expectations: [buildExpectation('linearizable', false, 'unknown (history truncated)'), buildExpectation('availability >= 0.9', false, null)],
    });
    const [suite] = parseJunit(renderRunJunit([{ result, wallMs: 12 }]));
    expect(suite.cases.map((c) => c.outcome)).toEqual(['skipped', 'skipped']);
    expect(suite.cases[0].message).toBe('undecided: linearizable: observed unknown (history truncated) (counted as failed: exit 1)');
    expect(suite.cases[1].message).toContain('observed n/a');
  });

  it('escapes markup, quotes and control characters in names and texts', () => {
    const name = 'a<b>&"c\' \u0001bell\u0007 tab\there\nline ]]> \uD800';
    const result = buildRunResult({
      scenario: name,
      expectations: [buildExpectation('x < 1 && y > "2"', false, 'bad & <worse>', { note: 'a "quoted" <tag> \u0002' })],
    });
    const xml = renderRunJunit([{ result, wallMs: 1 }]);
    const [suite] = parseJunit(xml);
    expect(suite.name).toBe('a<b>&"c\' \\u{1}bell\\u{7} tab\there\nline ]]> \\u{d800} (seed 42)');
    const [testCase] = suite.cases;
    expect(testCase.classname).toBe(suite.name.replace(' (seed 42)', ''));
    expect(testCase.name).toBe('x < 1 && y > "2"');
    expect(testCase.message).toBe('x < 1 && y > "2": observed bad & <worse>');
    expect(testCase.body).toContain('note: "a \\"quoted\\" <tag> \\u0002"');
  });

  it.skipIf(!XMLLINT)(`xmllint reads the document${XMLLINT ? '' : ' (skipped: xmllint is not installed)'}`, async () => {
    const { out } = await runCli(['run', 'scenarios/repl-split-brain.yaml', '--format', 'junit']);
    const hostile = buildRunResult({ scenario: 'a<b>&"c\' \u0001 ]]> \uD800', expectations: [buildExpectation('x < 1 && "y"', false, '<bad>')] });
    const directory = mkdtempSync(join(tmpdir(), 'ddsim-junit-'));
    for (const [name, xml] of [['run.xml', out], ['hostile.xml', renderRunJunit([{ result: hostile, wallMs: 1 }])]]) {
      writeFileSync(join(directory, name), xml);
      expect(() => execFileSync('xmllint', ['--noout', join(directory, name)], { stdio: 'pipe' })).not.toThrow();
    }
  });
});
