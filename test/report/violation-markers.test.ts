import { describe, expect, it } from 'vitest';
import { renderRunJson } from '../../src/report/run-json.js';
import { createPalette } from '../../src/report/style.js';
import { renderTimeline } from '../../src/report/timeline-render.js';
import { buildExpectation, buildRunResult } from './build-run-result.js';
import { visibleLines } from './report-test-helpers.js';

const plain = createPalette(false);

describe('violation marks on the timeline', () => {
  const violated = {
    ...buildExpectation('no-lost-writes', false, '1 lost'),
    marks: [{ atMs: 5_000, label: 'write x=7 acknowledged, later lost' }],
  };

  it('draws a violated row with a mark in the right column and a legend', () => {
    const result = buildRunResult({ expectations: [violated] });
    const lines = visibleLines(renderTimeline(result, 80, plain).join('\n'));
    const row = lines.find((line) => line.startsWith('violated'))!;
    const axis = lines.find((line) => line.startsWith('time'))!;
    expect(row).toContain('✗');
    // 5 s of a 10 s timeline: the mark sits under the middle of the axis.
    const lanesStart = axis.indexOf('0s');
    const position = (row.indexOf('✗') - lanesStart) / (axis.length - lanesStart);
    expect(position).toBeGreaterThan(0.4);
    expect(position).toBeLessThan(0.6);
    expect(lines.some((line) => line.includes('5.00s   write x=7 acknowledged, later lost  (no-lost-writes)'))).toBe(true);
  });

  it('draws nothing for held expectations, and the JSON carries the marks', () => {
    const held = { ...violated, ok: true };
    const lines = visibleLines(renderTimeline(buildRunResult({ expectations: [held] }), 80, plain).join('\n'));
    expect(lines.some((line) => line.startsWith('violated'))).toBe(false);
    const document = JSON.parse(renderRunJson(buildRunResult({ expectations: [violated] })));
    expect(document.expectations[0].marks).toEqual(violated.marks);
  });
});
