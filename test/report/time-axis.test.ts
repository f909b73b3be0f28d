import { describe, expect, it } from 'vitest';
import { renderTimeAxis } from '../../src/report/time-axis.js';

describe('time axis', () => {
  it('labels 0s at the left and the end at the right, at nice steps', () => {
    const axis = renderTimeAxis(30_000, 60);
    expect(axis).toHaveLength(60);
    expect(axis.startsWith('0s ')).toBe(true);
    expect(axis.endsWith(' 30s')).toBe(true);
    expect(axis).toContain('10s');
  });

  it('never lets labels touch', () => {
    for (const columns of [20, 47, 80, 150]) {
      const axis = renderTimeAxis(12_345, columns);
      expect(axis).toHaveLength(columns);
      expect(axis).not.toMatch(/s\S/);
    }
  });
});
