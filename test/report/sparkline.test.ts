import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/report/sparkline.js';

describe('sparkline', () => {
  it('scales to the largest value, blank for zero', () => {
    const { glyphs, maxValue } = sparkline([0, 1, 4, 8, 0]);
    expect(maxValue).toBe(8);
    expect(glyphs.join('')).toBe(' ▁▄█ ');
  });

  it('keeps a tiny non-zero value visible', () => {
    expect(sparkline([1, 1000]).glyphs.join('')).toBe('▁█');
  });

  it('is all blank when nothing failed', () => {
    expect(sparkline([0, 0, 0]).glyphs.join('')).toBe('   ');
  });
});
