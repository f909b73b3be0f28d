import { describe, expect, it } from 'vitest';
import { renderRunPretty } from '../../src/report/run-pretty.js';
import { buildExpectation, buildFault, buildLane, buildRunResult, buildTimeline } from './build-run-result.js';
import { ANSI_ESCAPE, longestLine, visibleLines } from './report-test-helpers.js';

const timing = { wallMs: 842 };

const failing = buildRunResult({
  sets: ['network.loss=0.01', 'clients=3'],
  expectations: [
    buildExpectation('availability >= 0.99', false, 0.9523),
    buildExpectation('latency.p99 <= 250ms', true, 150.5),
    buildExpectation('linearizable', false, 'not linearizable', {
      op: { process: 3, type: 'ok', f: 'read', value: 4 },
      history: Array.from({ length: 50 }, (_, index) => ({ process: index % 3, f: 'write', value: index })),
    }),
  ],
});

const crowded = buildRunResult({
  description: 'word '.repeat(80),
  file: `scenarios/${'deeply/nested/'.repeat(12)}scenario.yaml`,
  reproduce: `ddsim run scenarios/${'deeply/nested/'.repeat(3)}scenario.yaml --seed 42 ${'--set key=value '.repeat(12)}`.trim(),
  stopReason: 'event-budget-exhausted',
  timeline: buildTimeline({
    lanes: Array.from({ length: 40 }, (_, index) => buildLane(`a-node-with-a-long-name-${index}`, '--DDPPCC--'.repeat(30))),
  }),
  faults: Array.from({ length: 30 }, (_, index) =>
    buildFault(index * 90_000, `partition ${'node '.repeat(20)}`, { revert: index % 2 === 1 }),
  ),
  metrics: { ...failing.metrics, 'detector.detection-time.mean': 412.5, 'detector.detection-time.p99': 912.25, 'a-model.very-long-metric-name-that-goes-on-and-on.and-on': 3 },
  expectations: failing.expectations,
});

describe('the terminal report', () => {
  it.each([false, true])('fits every line in 80 and in 160 columns (color %s)', (color) => {
    for (const result of [buildRunResult(), failing, crowded]) {
      for (const widthColumns of [80, 160]) {
        const text = renderRunPretty(result, timing, { color, widthColumns });
        expect(longestLine(text), `width ${widthColumns}`).toBeLessThanOrEqual(widthColumns);
      }
    }
  });

  it('has no escape sequences without colour, some with colour', () => {
    expect(renderRunPretty(failing, timing, { color: false, widthColumns: 100 })).not.toMatch(ANSI_ESCAPE);
    expect(renderRunPretty(failing, timing, { color: true, widthColumns: 100 })).toMatch(ANSI_ESCAPE);
  });

  it('shows the header facts, wall time included', () => {
    const text = renderRunPretty(failing, timing, { color: false, widthColumns: 100 });
    expect(text).toContain('retries-and-timeouts');
    expect(text).toContain('A client retries requests');
    expect(text).toContain('seed 42');
    expect(text).toContain('sets network.loss=0.01, clients=3');
    expect(text).toContain('simulated 10.00s');
    expect(text).toContain('drained until 10.25s');
    expect(text).toContain('events 123,456');
    expect(text).toContain('wall time 0.842s');
  });

  it('warns prominently when the event budget cut the run short, and says how to reproduce it', () => {
    const cut = buildRunResult({ stopReason: 'event-budget-exhausted', endMs: 4_000 });
    const text = renderRunPretty(cut, timing, { color: false, widthColumns: 80 });
    expect(text).toContain('!! WARNING the event budget ran out at 4.00s of 10.00s');
    expect(text).toContain('Reproduce: ddsim run scenarios/retries-and-timeouts.yaml --seed 42');
  });

  it('prints the reproduce line only when an expectation failed or the run was cut short', () => {
    expect(renderRunPretty(buildRunResult(), timing, { color: false, widthColumns: 80 })).not.toContain('Reproduce:');
    expect(renderRunPretty(failing, timing, { color: false, widthColumns: 80 })).toContain(
      'Reproduce: ddsim run scenarios/retries-and-timeouts.yaml --seed 42',
    );
  });

  it('wraps a long reproduce command with shell continuations', () => {
    const lines = visibleLines(renderRunPretty(crowded, timing, { color: false, widthColumns: 80 }));
    const start = lines.findIndex((line) => line.startsWith('Reproduce: '));
    expect(lines[start].endsWith(' \\')).toBe(true);
    const command = lines
      .slice(start)
      .filter((line) => line !== '')
      .map((line) => line.replace(/^Reproduce: /, '').replace(/ \\$/, '').trim())
      .join(' ');
    expect(command).toBe(crowded.reproduce);
  });

  it('lists every metric with its unit, in groups', () => {
    const text = renderRunPretty(crowded, timing, { color: false, widthColumns: 160 });
    for (const name of Object.keys(crowded.metrics)) expect(text).toContain(name);
    expect(text).toContain('412.50 ms');
    expect(text).toContain('95.23 %');
    for (const group of ['requests', 'latency', 'server', 'messages', 'failures by cause', 'detector', 'other']) {
      expect(text).toMatch(new RegExp(`│ ${group}\\s`));
    }
  });

  it('tables failure causes with count, share and explanation, or says there were none', () => {
    const lines = visibleLines(renderRunPretty(failing, timing, { color: false, widthColumns: 120 }));
    expect(lines.some((line) => /server-crashed\s+│\s+40 │ 64\.5 % │ the server process was down/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('│ rejected'))).toBe(false);
    const quiet = buildRunResult({ metrics: { 'requests.total': 10, 'failures.request-lost': 0 } });
    expect(renderRunPretty(quiet, timing, { color: false, widthColumns: 80 })).toContain('✓ no failed attempts');
  });

  it('tables expectations with observed values in their unit and PASS/FAIL, then the witness', () => {
    const lines = visibleLines(renderRunPretty(failing, timing, { color: false, widthColumns: 100 }));
    expect(lines.some((line) => /availability >= 0\.99\s+│\s+95\.23 % │ ✗ FAIL/.test(line))).toBe(true);
    expect(lines.some((line) => /latency\.p99 <= 250ms\s+│\s+150\.50 ms │ ✓ PASS/.test(line))).toBe(true);
    expect(lines.some((line) => /linearizable\s+│\s+not linearizable │ ✗ FAIL/.test(line))).toBe(true);
    const witnessStart = lines.indexOf('witness for linearizable:');
    expect(witnessStart).toBeGreaterThan(0);
    expect(lines[witnessStart + 2]).toContain('op: { process: 3, type: "ok", f: "read", value: 4 }');
    const witnessLines = lines.slice(witnessStart + 1, lines.findIndex((line) => line.startsWith('Reproduce:')) - 1);
    expect(witnessLines.length).toBeLessThanOrEqual(20);
    expect(witnessLines.at(-1)).toContain('more lines (the full witness is in the JSON output)');
  });

  it('is identical for the same input apart from the wall time', () => {
    const options = { color: true, widthColumns: 120 };
    expect(renderRunPretty(failing, timing, options)).toBe(renderRunPretty(failing, timing, options));
  });

  it('leaves out the failure-cause section for models that record no causes', () => {
    const metrics = { 'ops.ok': 10, 'ops.failed': 2, events: 100 };
    const text = renderRunPretty(buildRunResult({ metrics }), { wallMs: 1 }, { color: false, widthColumns: 100 });
    expect(text).not.toContain('true cause');
    expect(renderRunPretty(buildRunResult(), { wallMs: 1 }, { color: false, widthColumns: 100 })).toContain('true cause');
  });
});
