import { expect, test } from 'vitest';
import { load, minimal, problemsOf, where } from './scenario-test-helpers.js';

test('numbers, percentages and durations (in milliseconds); named checks', async () => {
  const scenario = await load(minimal('expect: ["availability >= 95%", "latency.p99 < 1.5s", "messages.lost != 0", linearizable]'));
  expect(scenario.expectations).toEqual([
    { kind: 'compare', text: 'availability >= 95%', metric: 'availability', operator: '>=', value: 0.95, position: { line: 11, column: 10 } },
    { kind: 'compare', text: 'latency.p99 < 1.5s', metric: 'latency.p99', operator: '<', value: 1500, position: { line: 11, column: 33 } },
    { kind: 'compare', text: 'messages.lost != 0', metric: 'messages.lost', operator: '!=', value: 0, position: { line: 11, column: 55 } },
    { kind: 'check', text: 'linearizable', name: 'linearizable', position: { line: 11, column: 77 } },
  ]);
});

test('each expectation knows the line and column it is written at; one from --set has no position', async () => {
  const text = minimal('expect:\n  - availability >= 95%\n  - linearizable');
  const scenario = await load(text);
  const lines = text.split('\n');
  for (const expectation of scenario.expectations) {
    const { line, column } = expectation.position!;
    expect(lines[line - 1].slice(column - 1)).toBe(expectation.text);
  }
  const overridden = await load(text, { sets: ['expect=["duplicates == 0"]'] });
  expect(overridden.expectations).toEqual([{ kind: 'compare', text: 'duplicates == 0', metric: 'duplicates', operator: '==', value: 0 }]);
});

test('unknown checks, bad values and bad syntax are located', async () => {
  const problems = await problemsOf(minimal('expect:\n  - linearisable\n  - availability >= lots\n  - availability is high'));
  expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
    ['test.yaml:12:5 expect[0]', 'unknown check "linearisable"', 'did you mean `linearizable`?'],
    [
      'test.yaml:13:5 expect[1]',
      'expected a number, a percentage or a duration after the operator, got "lots"',
      'e.g. 0.95, 95% or 250ms',
    ],
    [
      'test.yaml:14:5 expect[2]',
      'expected a comparison such as "latency.p99 <= 250ms" or a check name, got "availability is high"',
      'operators: < <= > >= == !=',
    ],
  ]);
});
