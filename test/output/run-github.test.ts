// `ddsim run --format github`: an ::error at the line and column of each failing `expect:` entry
// (checked against the file's text), ::warning for undecided ones, an ::error for a run cut
// short; workflow-command escaping; the job summary appended to $GITHUB_STEP_SUMMARY (never
// overwriting it), or printed after the annotations without it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationCommand, escapeCommandData, escapeCommandProperty } from '../../src/report/github-commands.js';
import { runAnnotations } from '../../src/report/run-github.js';
import { markdownCell } from '../../src/report/markdown-text.js';
import { fakeIo, runCli } from '../cli/fake-io.js';
import { buildExpectation, buildRunResult } from '../report/build-run-result.js';
import { parseAnnotations } from './github-annotations.js';

const SPLIT_BRAIN = 'scenarios/repl-split-brain.yaml';

function summaryFile(initial: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ddsim-github-')), 'summary.md');
  writeFileSync(file, initial);
  return file;
}

describe('workflow-command escaping', () => {
  it('escapes % CR LF in messages, and : , too in properties', () => {
    expect(escapeCommandData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeCommandProperty('a: b, 5%\n')).toBe('a%3A b%2C 5%25%0A');
    const command = annotationCommand({ level: 'error', file: 'dir/a,b:c.yaml', line: 3, column: 7, title: 'x: y, z', message: 'line 1\nline 2 :: 50%' });
    expect(command).toBe('::error file=dir/a%2Cb%3Ac.yaml,line=3,col=7,title=x%3A y%2C z::line 1%0Aline 2 :: 50%25');
    expect(parseAnnotations(command)).toEqual([
      { level: 'error', properties: { file: 'dir/a,b:c.yaml', line: '3', col: '7', title: 'x: y, z' }, message: 'line 1\nline 2 :: 50%' },
    ]);
  });

  it('keeps Markdown table cells in their cell', () => {
    expect(markdownCell('a | b\nc <d> & e')).toBe('a \\| b<br>c &lt;d&gt; &amp; e');
  });
});

describe('ddsim run --format github', () => {
  it('annotates each failed expectation at its expect: entry, and appends the job summary', async () => {
    const file = summaryFile('## an earlier step\n');
    const io = fakeIo({ env: { GITHUB_STEP_SUMMARY: file } });
    const { code, out, err } = await runCli(['run', SPLIT_BRAIN, '--format', 'github'], io);
    expect(err).toBe('');
    expect(code).toBe(1);
    const annotations = parseAnnotations(out);
    expect(annotations.map((a) => a.level)).toEqual(['error', 'error']);
    const lines = readFileSync(SPLIT_BRAIN, 'utf8').split('\n');
    for (const [index, expr] of ['single-leader', 'no-lost-writes'].entries()) {
      const { properties, message } = annotations[index];
      expect(properties.file).toBe(SPLIT_BRAIN);
      const line = Number(properties.line);
      expect(lines[line - 1].trim()).toBe(`- ${expr}`);
      expect(lines[line - 1].slice(Number(properties.col) - 1)).toBe(expr);
      expect(properties.title).toContain(expr);
      expect(message).toContain('observed: ');
      expect(message).toContain(`Reproduce: ddsim run ${SPLIT_BRAIN} --seed 3`);
    }
    expect(annotations[0].message).toContain('witness:');
    expect(out).not.toContain('## ddsim run');
    const summary = readFileSync(file, 'utf8');
    expect(summary.startsWith('## an earlier step\n')).toBe(true);
    expect(summary).toContain('## ddsim run: ✗ FAIL — repl-split-brain (seed 3)');
    expect(summary).toMatch(/\| single-leader \| split brain \(1×\) \| ✗ FAIL \|/);
    expect(summary).toContain(`ddsim run ${SPLIT_BRAIN} --seed 3`);
    // A second step appends again.
    await runCli(['run', SPLIT_BRAIN, '--format', 'github'], fakeIo({ env: { GITHUB_STEP_SUMMARY: file } }));
    expect(readFileSync(file, 'utf8').split('## ddsim run:').length).toBe(3);
  });

  it('without $GITHUB_STEP_SUMMARY prints the summary after the annotations; a passing run has none', async () => {
    const { code, out } = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--format', 'github']);
    expect(code).toBe(0);
    expect(parseAnnotations(out)).toEqual([]);
    expect(out.split('\n')[0]).toMatch(/^✓ PASS {2}pause-looks-dead {2}seed 3/);
    expect(out).toContain('## ddsim run: ✓ PASS — pause-looks-dead (seed 3)');
    expect(out).not.toContain('Reproduce:');
  });

  it('a $GITHUB_STEP_SUMMARY that cannot be written is a warning; the summary follows on stdout, the exit code stays', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ddsim-github-')), 'no-such-dir', 'summary.md');
    const { code, out, err } = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--format', 'github'], fakeIo({ env: { GITHUB_STEP_SUMMARY: missing } }));
    expect(code).toBe(0);
    expect(err).toContain('warning: cannot append the job summary to $GITHUB_STEP_SUMMARY');
    expect(out).toContain('## ddsim run: ✓ PASS');
  });

  it('a run cut short is an error on the file, and still exits 3', async () => {
    const { code, out } = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=2000', '--format', 'github']);
    expect(code).toBe(3);
    const stopped = parseAnnotations(out).find((a) => a.properties.title?.startsWith('run did not complete'))!;
    expect(stopped.level).toBe('error');
    expect(stopped.properties.line).toBeUndefined();
    expect(stopped.message).toContain('event budget ran out');
    expect(stopped.message).toContain('Reproduce: ddsim run scenarios/pause-looks-dead.yaml --seed 3 --set limits.events=2000');
    expect(out).toContain('✗ DID NOT COMPLETE');
  });

  it('an undecided expectation is a warning; one from --set has no line', () => {
    const result = buildRunResult({
      expectations: [
        { ...buildExpectation('linearizable', false, 'unknown (history truncated)'), position: { line: 9, column: 5 } },
        buildExpectation('availability >= 0.99', false, 0.95),
      ],
    });
    const annotations = parseAnnotations(runAnnotations(result).map(annotationCommand).join('\n'));
    expect(annotations.map((a) => [a.level, a.properties.line, a.properties.col])).toEqual([
      ['warning', '9', '5'],
      ['error', undefined, undefined],
    ]);
    expect(annotations[0].message).toContain('observed: unknown (history truncated)');
  });
});
