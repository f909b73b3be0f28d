// The HTML report of `ddsim run` (--format html, --report): one lane per node, one marker per
// fault, the violation marks, one message group per message the capture saw sent in the window,
// distinct drawings for lost, unreachable, refused, dropped and duplicated messages, no reference
// to anything outside the file, escaping of user strings, byte-identical output, and the file
// handling of --report (refused when it exists, --force, atomic write).

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMessageWindow, MESSAGE_ARROWS_MAX } from '../../../src/report/message-window.js';
import { violationMarks } from '../../../src/report/violation-markers.js';
import { runCli } from '../../cli/fake-io.js';
import { expectedDrawing } from './expected-messages.js';
import { attributeValues, countOf, svgOf } from './html-structure.js';

const SPLIT_BRAIN = 'scenarios/repl-split-brain.yaml';

async function html(...args: string[]): Promise<string> {
  const { out, err } = await runCli(['run', ...args, '--format', 'html']);
  expect(err).toBe('');
  return out;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ddsim-html-'));
}

describe('the HTML report of repl-split-brain', async () => {
  const page = await html(SPLIT_BRAIN);
  const expected = await expectedDrawing(SPLIT_BRAIN);
  const { scenario, result } = expected;
  const timeline = svgOf(page, 'timeline');
  const messages = svgOf(page, 'messages');

  it('is one self-contained page that references nothing outside itself', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<(link|script|img)[^>]+(href|src)="(?!data:)/);
    expect(countOf(page, '<script>')).toBe(1);
  });

  it('has the header: scenario, seed, verdict and reproduce command', () => {
    expect(page).toContain('<h1>repl-split-brain <span class="verdict fail">✗ FAIL</span></h1>');
    expect(page).toContain('<b>seed</b>3');
    expect(page).toContain(`<pre class="reproduce">${result.reproduce}</pre>`);
  });

  it('draws one timeline lane per node, in node order, and the flag rows', () => {
    expect(attributeValues(timeline, 'lane', 'data-node')).toEqual(scenario.nodes.map((node) => node.name));
    const cutBuckets = result.timeline.lanes[0]!.states.filter((state) => state === 'cut').length;
    expect(cutBuckets).toBeGreaterThan(0);
    expect(countOf(timeline, 'class="state cut"')).toBe(scenario.nodes.length); // one run of cut buckets per lane
    const flagRows = result.timeline.lanes.flatMap((lane) => (lane.flags ?? []).map((flag) => `${lane.node}/${flag.name}`));
    expect(countOf(timeline, '<g class="flag-row"')).toBe(flagRows.length);
  });

  it('marks every fault and every violation, with their labels', () => {
    expect(attributeValues(timeline, 'fault( revert)?', 'data-fault')).toHaveLength(result.faults.length);
    expect(result.faults.length).toBeGreaterThan(0);
    for (const fault of result.faults) expect(timeline).toContain(fault.label.replace(/&/g, '&amp;'));
    const marks = violationMarks(result.expectations);
    expect(marks.length).toBeGreaterThan(0);
    expect(countOf(timeline, '<text class="violation"')).toBe(marks.length);
    expect(countOf(timeline, 'class="failure-bar"')).toBe(result.timeline.failuresPerBucket.filter((count) => count > 0).length);
  });

  it('draws one message per message the capture saw sent in the window, and one lane per node', () => {
    expect(defaultMessageWindow(result).reason).toContain('first violation');
    expect(expected.messageIds.length).toBeGreaterThan(10);
    expect(attributeValues(messages, 'msg [^"]*', 'data-message')).toEqual(expected.messageIds);
    expect(attributeValues(messages, 'node-lane', 'data-node')).toEqual(scenario.nodes.map((node) => node.name));
    // The partition cuts db-1 off: its messages to the majority are unreachable, drawn apart.
    expect(attributeValues(messages, 'msg [^"]*', 'data-fate')).toEqual(expect.arrayContaining(['delivered', 'unreachable']));
    expect(messages).toContain('class="leg unreachable"');
    expect(messages).toContain('class="end unreachable"');
  });

  it('shows a message body on click: the body is in the message group\'s data-detail', () => {
    const detail = /<g class="msg delivered" data-message="\d+"[^>]* data-detail="([^"]*)"/.exec(messages)?.[1] ?? '';
    expect(detail).toMatch(/delivered after/);
    expect(detail).toMatch(/\{&quot;/); // the JSON body, escaped
    expect(page).toContain("getAttribute('data-detail')");
  });

  it('lists expectations with their witnesses and the metrics by group', () => {
    expect(countOf(page, '<tr class="expectation" data-ok="false">')).toBe(2);
    expect(countOf(page, '<div class="witness">')).toBe(result.expectations.filter((e) => e.witness !== undefined).length);
    for (const group of ['ops', 'messages', 'leader']) expect(page).toContain(`data-group="${group}"`);
    for (const name of Object.keys(result.metrics)) expect(page).toContain(`<code>${name}</code>`);
  });

  it('is byte-identical for the same seed and differs for another', async () => {
    expect(await html(SPLIT_BRAIN)).toBe(page);
    expect(await html(SPLIT_BRAIN, '--seed', '4')).not.toBe(page);
  });
});

describe('message drawings', () => {
  it('draws lost, refused, dropped and duplicated messages distinctly', async () => {
    const lossy = svgOf(await html('scenarios/lost-request-vs-lost-response.yaml', '--set', 'network.duplicate=0.2'), 'messages');
    expect(lossy).toMatch(/<g class="msg lost"/);
    expect(lossy).toContain('class="leg lost"');
    expect(lossy).toContain('class="end lost"');
    expect(lossy).toMatch(/<g class="msg delivered duplicated"/);
    expect(lossy).toContain('class="leg deliver duplicate"');
    const crashed = svgOf(await html('scenarios/detect-refused-vs-silent.yaml'), 'messages');
    expect(crashed).toMatch(/<g class="msg refused"/);
    expect(crashed).toContain('class="end refused"');
    expect(crashed).toMatch(/<g class="msg dropped"/);
    expect(crashed).toContain('class="end dropped"');
  });

  it('draws a hold at a paused node, in an explicit --messages window', async () => {
    const paused = svgOf(await html('scenarios/repl-paused-leader.yaml', '--messages', '12.9s..13.1s'), 'messages');
    expect(paused).toContain('class="leg hold"');
    expect(paused).toMatch(/class="tick"[^>]*>13s</);
  });

  it('caps the diagram at 2,000 messages and says so', async () => {
    const page = await html('scenarios/repl-paused-leader.yaml', '--messages', '0s..3s');
    expect(countOf(svgOf(page, 'messages'), '<g class="msg ')).toBe(MESSAGE_ARROWS_MAX);
    expect(page).toContain('data-capped="true"');
  });
});

describe('escaping', () => {
  it('escapes a scenario name and description full of markup', async () => {
    const dir = tempDir();
    const file = join(dir, 'evil.yaml');
    const text = readFileSync(SPLIT_BRAIN, 'utf8')
      .replace(/^name: .*$/m, 'name: "<script>alert(1)</script>"')
      .replace(/^description: .*$/m, 'description: "<img src=x onerror=alert(2)> & \\"q\\" \'s\'"');
    writeFileSync(file, text);
    const page = await html(file);
    expect(countOf(page, '<script>')).toBe(1);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;q&quot; &#39;s&#39;');
  });
});

describe('--report', () => {
  it('writes the same page as --format html beside the normal output, and refuses to replace a file without --force', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.html');
    const first = await runCli(['run', SPLIT_BRAIN, '-q', '--report', file]);
    expect(first.code).toBe(1);
    expect(first.out).toContain('repl-split-brain');
    expect(readFileSync(file, 'utf8')).toBe(await html(SPLIT_BRAIN));
    expect(readdirSync(dir)).toEqual(['report.html']); // no temporary file left

    writeFileSync(file, 'keep me');
    const refused = await runCli(['run', SPLIT_BRAIN, '-q', '--report', file]);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe(''); // refused before running
    expect(refused.err).toMatch(/--report .*report\.html.*the file exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');

    const forced = await runCli(['run', SPLIT_BRAIN, '-q', '--report', file, '--force']);
    expect(forced.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('puts several runs in one page, one section each', async () => {
    const dir = tempDir();
    const file = join(dir, 'two.html');
    await runCli(['run', SPLIT_BRAIN, 'scenarios/lost-request-vs-lost-response.yaml', '-q', '--report', file]);
    const page = readFileSync(file, 'utf8');
    expect(countOf(page, '<section class="run"')).toBe(2);
    expect(countOf(page, '<svg class="timeline"')).toBe(2);
    expect(countOf(page, '<svg class="messages"')).toBe(2);
  });

  it('rejects a bad --messages, --messages without an HTML output, and a report in a missing folder, with exit 2', async () => {
    const bad = await runCli(['run', SPLIT_BRAIN, '--format', 'html', '--messages', '10x..11s']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--messages/);
    const alone = await runCli(['run', SPLIT_BRAIN, '--messages', '10s..11s']);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/--messages needs --report/);
    const missing = await runCli(['run', SPLIT_BRAIN, '--report', join(tempDir(), 'no', 'such', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(tempDir(), 'no'))).toBe(false);
  });
});
