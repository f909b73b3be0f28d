import { describe, expect, it } from 'vitest';
import { parseSeedList, parseValueList, parseVaryOption, splitTopLevel } from '../../src/scenario/sweep-values.js';

describe('sweep value lists', () => {
  it('expands a range with a step to exact decimals', () => {
    expect(parseValueList('0..0.1:0.02')).toEqual({ ok: true, value: ['0', '0.02', '0.04', '0.06', '0.08', '0.1'] });
  });

  it('keeps units on ranges and mixes ranges with plain values', () => {
    expect(parseValueList('50ms..200ms:50ms,1s')).toEqual({ ok: true, value: ['50ms', '100ms', '150ms', '200ms', '1s'] });
  });

  it('splits lists at top-level commas only', () => {
    expect(splitTopLevel('a,{dist: uniform, min: 1ms, max: 2ms},[1,2]')).toEqual(['a', '{dist: uniform, min: 1ms, max: 2ms}', '[1,2]']);
  });

  it('rejects mixed units, empty values and duplicates', () => {
    expect(parseValueList('1ms..2s:1ms').ok).toBe(false);
    expect(parseValueList('1,,2').ok).toBe(false);
    expect(parseValueList('1,2,1').ok).toBe(false);
    expect(parseValueList('0..1e9').ok).toBe(false);
  });

  it('parses path=values', () => {
    expect(parseVaryOption('workload.timeout=50ms,100ms')).toEqual({ ok: true, value: { path: 'workload.timeout', values: ['50ms', '100ms'] } });
    expect(parseVaryOption('50ms').ok).toBe(false);
  });

  it('reads seeds as a count, a range or a list', () => {
    expect(parseSeedList('3')).toEqual({ ok: true, value: [1, 2, 3] });
    expect(parseSeedList('5..7')).toEqual({ ok: true, value: [5, 6, 7] });
    expect(parseSeedList('1..10:4,42')).toEqual({ ok: true, value: [1, 5, 9, 42] });
    expect(parseSeedList('1,1').ok).toBe(false);
    expect(parseSeedList('0').ok).toBe(false);
    expect(parseSeedList('1.5').ok).toBe(false);
  });
});
