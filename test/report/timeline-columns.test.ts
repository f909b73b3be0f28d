import { describe, expect, it } from 'vitest';
import type { NodeLaneState } from '../../src/result/run-result.js';
import {
  chooseColumnMapping,
  columnOfBucket,
  countsPerColumn,
  statesPerColumn,
} from '../../src/report/timeline-columns.js';

const codes: Record<string, NodeLaneState> = { '-': 'up', D: 'down', P: 'paused', C: 'cut' };
const states = (text: string) => [...text].map((code) => codes[code]);
const text = (values: readonly NodeLaneState[]) =>
  values.map((state) => Object.keys(codes).find((code) => codes[code] === state)).join('');

describe('re-bucketing a lane into fewer columns', () => {
  it('keeps the worst state of each merged group: down > paused > cut > up', () => {
    const mapping = chooseColumnMapping(8, 4);
    expect(mapping.columnCount).toBe(4);
    expect(text(statesPerColumn(mapping, states('-D' + 'PC' + 'C-' + '--')))).toBe('DPC-');
    expect(text(statesPerColumn(mapping, states('DP' + 'P-' + '-C' + 'CD')))).toBe('DPCD');
  });

  it('never loses a one-bucket outage however much it is squeezed', () => {
    const lane = states('-'.repeat(999) + 'D');
    const merged = statesPerColumn(chooseColumnMapping(1000, 70), lane);
    expect(merged).toHaveLength(70);
    expect(merged[69]).toBe('down');
    expect(merged.filter((state) => state === 'down')).toHaveLength(1);
  });

  it('adds up failures of merged buckets', () => {
    const mapping = chooseColumnMapping(6, 3);
    expect(countsPerColumn(mapping, [1, 2, 0, 0, 5, 5])).toEqual([3, 0, 10]);
  });
});

describe('widening a lane into more columns', () => {
  it('fills the width, each bucket one or more columns wide, in order', () => {
    const mapping = chooseColumnMapping(4, 10);
    expect(mapping.columnCount).toBe(10);
    const widened = text(statesPerColumn(mapping, states('-DP-')));
    expect(widened).toMatch(/^-+D+P+-+$/);
    expect(widened).toHaveLength(10);
  });

  it('places a bucket at the first column that shows it', () => {
    const mapping = chooseColumnMapping(4, 10);
    const widened = statesPerColumn(mapping, states('-D--'));
    expect(widened[columnOfBucket(mapping, 1)]).toBe('down');
    expect(widened[columnOfBucket(mapping, 1) - 1]).toBe('up');
  });
});
