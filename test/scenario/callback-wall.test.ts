// limits.callback-wall: the wall time one model callback may run, parsed with the other limits.

import { describe, expect, test } from 'vitest';
import { load, minimal, problemsOf } from './scenario-test-helpers.js';

describe('limits.callback-wall', () => {
  test('is a duration, absent unless written (the run uses the 10s default)', async () => {
    expect((await load(minimal('limits: { callback-wall: 1500ms }'))).limits.callbackWallUs).toBe(1_500_000);
    expect((await load(minimal('limits: { events: 10 }'))).limits.callbackWallUs).toBeUndefined();
    expect((await load(minimal('seed: 3'))).limits.callbackWallUs).toBeUndefined();
  });

  test('0 or a negative duration is refused, located, with a hint', async () => {
    for (const [text, got] of [['0', '0'], ['0s', '0'], ['-2s', '-2s']] as const) {
      const problems = await problemsOf(minimal(`limits:\n  callback-wall: ${text}`));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: 'limits.callback-wall', line: expect.any(Number), message: `must be more than 0, got ${got}` });
      expect(problems[0]!.line).toBeGreaterThan(0);
      expect(problems[0]!.hint).toMatch(/wall time one model callback may run.*10s \(the default\)/);
    }
  });

  test('a duration without a unit, or absurdly long, is refused too', async () => {
    expect((await problemsOf(minimal('limits: { callback-wall: 5 }'))).map((p) => p.message)).toEqual(['a duration needs a unit, got 5']);
    expect((await problemsOf(minimal('limits: { callback-wall: 48h }'))).map((p) => p.message)).toEqual(['must be at most 24h, got 48h']);
  });
});
