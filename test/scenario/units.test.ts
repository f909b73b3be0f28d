import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  parseDurationRangeUs,
  parseDurationUs,
  parseProbability,
  parseRatePerSecond,
} from '../../src/scenario/units.js';

describe('parseDurationUs', () => {
  test.each([
    ['250us', 250],
    ['250ms', 250_000],
    ['2s', 2_000_000],
    ['1.5s', 1_500_000],
    ['1.5m', 90_000_000],
    ['2h', 7_200_000_000],
    ['0.0015ms', 2],
    [0, 0],
    ['0', 0],
  ])('%s -> %i us', (text, us) => {
    expect(parseDurationUs(text)).toEqual({ ok: true, value: us });
  });

  test('a bare number needs a unit', () => {
    expect(parseDurationUs(250)).toEqual({ ok: false, message: 'a duration needs a unit, got 250', hint: 'add a unit, e.g. 250ms' });
  });

  test('negative durations and unknown units are errors', () => {
    expect(parseDurationUs('-5ms')).toMatchObject({ ok: false, message: 'a duration must not be negative, got -5ms' });
    expect(parseDurationUs('5 fortnights')).toMatchObject({ ok: false });
    expect(parseDurationUs(true)).toMatchObject({ ok: false, message: 'expected a duration such as 250ms, got true' });
  });
});

test('rates are per second', () => {
  expect(parseRatePerSecond('200/s')).toEqual({ ok: true, value: 200 });
  expect(parseRatePerSecond('30/m')).toEqual({ ok: true, value: 0.5 });
  expect(parseRatePerSecond(200)).toMatchObject({ ok: false, hint: 'write it per second or per minute, e.g. 200/s' });
  // YAML's .nan and .inf are numbers: no 'e.g. NaN/s' hint for them (issue 15, point 8).
  expect(parseRatePerSecond(NaN)).toEqual({ ok: false, message: 'expected a rate such as 200/s, got NaN' });
  expect(parseRatePerSecond(Infinity)).toEqual({ ok: false, message: 'expected a rate such as 200/s, got Infinity' });
});

test('probabilities are in [0, 1], as numbers or percentages', () => {
  expect(parseProbability(0.25)).toEqual({ ok: true, value: 0.25 });
  expect(parseProbability('5%')).toEqual({ ok: true, value: 0.05 });
  expect(parseProbability(1.5)).toMatchObject({ ok: false, message: 'a probability must be between 0 and 1, got 1.5' });
});

test('ranges are A..B with A <= B, or one duration', () => {
  expect(parseDurationRangeUs('10s..20s')).toEqual({ ok: true, value: { minUs: 10_000_000, maxUs: 20_000_000 } });
  expect(parseDurationRangeUs('3s')).toEqual({ ok: true, value: { minUs: 3_000_000, maxUs: 3_000_000 } });
  expect(parseDurationRangeUs('20s..10s')).toMatchObject({ ok: false, hint: 'write 10s..20s' });
});

test('formatDuration writes durations as people do', () => {
  expect([60_000_000, 300_000, 1_500_000, 7_200_000_000, 600_000_000, 12].map(formatDuration)).toEqual([
    '60s',
    '300ms',
    '1.5s',
    '2h',
    '10m',
    '12us',
  ]);
});
