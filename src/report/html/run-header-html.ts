// The top of a run's HTML report: scenario, verdict, description, file, seed, sets, simulated
// time and events, the warning of a run cut short, and the command that reproduces the run.
// No wall-clock figure: the same scenario and seed give the same bytes.

import type { RunResult } from '../../result/run-result.js';
import { formatGrouped, formatSecondsPrecise } from '../number-format.js';
import { stopWarning } from '../run-header.js';
import { escapeHtml } from './html-escape.js';

export function renderRunHeaderHtml(result: RunResult): string {
  const verdict = result.ok ? '<span class="verdict pass">✓ PASS</span>' : '<span class="verdict fail">✗ FAIL</span>';
  const facts: [string, string][] = [
    ['file', result.file],
    ['seed', String(result.seed)],
    ...(result.sets.length > 0 ? [['sets', result.sets.join(', ')] as [string, string]] : []),
    ['simulated', formatSecondsPrecise(result.durationMs * 1000)],
    ...(result.stopReason === 'completed' && result.endMs > result.durationMs
      ? [['drained until', formatSecondsPrecise(result.endMs * 1000)] as [string, string]]
      : []),
    ...(result.metrics['events'] === undefined ? [] : [['events', formatGrouped(result.metrics['events'], 0)] as [string, string]]),
  ];
  const warning = stopWarning(result);
  return [
    `<h1>${escapeHtml(result.scenario)} ${verdict}</h1>`,
    result.description.trim() === '' ? '' : `<p>${escapeHtml(result.description.trim())}</p>`,
    `<div class="facts">${facts.map(([name, value]) => `<span><b>${escapeHtml(name)}</b>${escapeHtml(value)}</span>`).join('')}</div>`,
    warning === null ? '' : `<p class="warning"><b>Warning:</b> ${escapeHtml(warning)}</p>`,
    `<div><b>Reproduce:</b><pre class="reproduce">${escapeHtml(result.reproduce)}</pre></div>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}
