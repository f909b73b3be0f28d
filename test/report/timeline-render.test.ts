import { describe, expect, it } from 'vitest';
import { createPalette } from '../../src/report/style.js';
import { renderTimeline } from '../../src/report/timeline-render.js';
import { buildFault, buildLane, buildRunResult, buildTimeline } from './build-run-result.js';
import { visibleLines } from './report-test-helpers.js';

const plain = createPalette(false);

function render(result = buildRunResult(), widthColumns = 80): string[] {
  return visibleLines(renderTimeline(result, widthColumns, plain).join('\n'));
}

describe('timeline', () => {
  it('draws one lane per node with distinct glyphs and a legend', () => {
    const lines = render();
    expect(lines[0]).toMatch(/^client\s+─+$/);
    expect(lines[1]).toMatch(/^server-1\s+─+█+─+$/);
    expect(lines[2]).toMatch(/^server-2\s+─+▒+─+╳+─+$/);
    expect(lines).toContain('─ up  █ down  ▒ paused  ╳ cut off');
  });

  it('merges buckets into the width, worst state winning', () => {
    const lane = buildLane('server-1', '-'.repeat(199) + 'P');
    const squeezed = buildLane('server-2', '-'.repeat(100) + 'C' + 'D' + '-'.repeat(98));
    const result = buildRunResult({ timeline: buildTimeline({ lanes: [lane, squeezed] }) });
    const lines = render(result, 80);
    expect(lines[0].endsWith('▒')).toBe(true);
    expect(lines[1]).toContain('█');
    expect(lines[1]).not.toContain('╳');
  });

  it('numbers fault markers at their columns and lists them, reverts marked ↺', () => {
    const lines = render();
    const lane = lines[1];
    const markers = lines.find((line) => line.startsWith('faults '));
    expect(markers).toBeDefined();
    // Fault 1 (crash at 2.5 s) sits where server-1 goes down.
    expect(markers!.indexOf('1')).toBe(lane.indexOf('█'));
    // Faults 2 and 3 share 5.00 s: one column, marked "+".
    expect(markers).toContain('+');
    expect(lines).toContain('  1  2.50s   crash server-1 (refuse)');
    expect(lines).toContain('  3  5.00s ↺ restart server-1');
  });

  it('labels the sparkline maximum and the time axis from 0s to the end', () => {
    const lines = render();
    const failed = lines.find((line) => line.startsWith('failed '));
    expect(failed).toContain('█');
    expect(lines.some((line) => line.includes('█ = 11'))).toBe(true);
    const axis = lines.find((line) => line.startsWith('time '));
    expect(axis).toMatch(/^time\s+0s .* 10s$/);
  });

  it('summarizes nodes beyond the first twenty when there are many', () => {
    const lanes = Array.from({ length: 100 }, (_, index) =>
      buildLane(`node-${index}`, index === 50 || index === 70 ? '--DD' : index === 90 ? '-P--' : '----'),
    );
    const result = buildRunResult({ timeline: buildTimeline({ lanes, bucketCount: 4 }), faults: [] });
    const lines = render(result);
    expect(lines.filter((line) => line.startsWith('node-'))).toHaveLength(20);
    expect(lines.some((line) => /^\+80 more\s+─+▒+█+$/.test(line))).toBe(true);
    expect(lines.join(' ')).toContain('… 80 more nodes, merged in "+80 more"; at some point 2 down, 1 paused');
  });

  it('lists many faults only up to a bound', () => {
    const faults = Array.from({ length: 60 }, (_, index) => buildFault(index * 150_000, `crash node-${index}`));
    const lines = render(buildRunResult({ faults }));
    expect(lines.some((line) => line.includes('… 40 more faults'))).toBe(true);
    expect(lines.filter((line) => line.includes('crash node-'))).toHaveLength(20);
  });

  it('says when nothing was recorded', () => {
    const result = buildRunResult({ timeline: buildTimeline({ lanes: [], bucketCount: 0 }) });
    expect(render(result)).toEqual(['(no timeline recorded)']);
  });

  it('has no failure row when the model counts no failures over time', () => {
    const result = buildRunResult({ timeline: buildTimeline({ failureMetrics: [] }) });
    const lines = render(result);
    expect(lines.some((line) => line.startsWith('failed'))).toBe(false);
    expect(render().some((line) => line.startsWith('failed'))).toBe(true);
  });
});
