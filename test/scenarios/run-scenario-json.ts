// Runs a shipped scenario through the CLI in-process and returns its JSON document, metrics and
// a lookup of expectation verdicts: the one helper every scenario lesson test uses.

import { expect } from 'vitest';
import { runCli } from '../cli/fake-io.js';

export async function runScenarioJson(file: string, ...extra: string[]) {
  const result = await runCli(['run', `scenarios/${file}`, '--format', 'json', ...extra]);
  expect(result.err).toBe('');
  const document = JSON.parse(result.out);
  const verdict = (expr: string): boolean => document.expectations.find((e: { expr: string }) => e.expr === expr).ok;
  return { code: result.code, document, metrics: document.metrics, verdict, text: result.out };
}
