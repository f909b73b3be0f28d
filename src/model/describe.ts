// Short human descriptions of durations and distributions, as a person would write them in a
// scenario: `300ms`, `1.5s`, `exponential(mean 5ms)`. For fault labels, reports and models' own
// messages. Pure.

import type { DistributionSpec } from './distribution.js';

const US_PER_MS = 1_000;
const US_PER_S = 1_000_000;
const US_PER_M = 60 * US_PER_S;
const US_PER_H = 60 * US_PER_M;

/** Formats microseconds the way a person would write them: `60s`, `300ms`, `1.5s`, `2h`. */
export function formatDuration(us: number): string {
  const trim = (n: number): string => String(Math.round(n * 1000) / 1000);
  if (us >= US_PER_H && us % US_PER_H === 0) return `${us / US_PER_H}h`;
  if (us >= 2 * US_PER_M && us % US_PER_M === 0) return `${us / US_PER_M}m`;
  if (us >= US_PER_S && us % US_PER_MS === 0) return `${trim(us / US_PER_S)}s`;
  if (us >= US_PER_MS) return `${trim(us / US_PER_MS)}ms`;
  return `${us}us`;
}

export function describeDistribution(spec: DistributionSpec): string {
  switch (spec.kind) {
    case 'constant':
      return formatDuration(spec.valueUs);
    case 'uniform':
      return `uniform(${formatDuration(spec.minUs)}..${formatDuration(spec.maxUs)})`;
    case 'normal':
      return `normal(mean ${formatDuration(spec.meanUs)}, stddev ${formatDuration(spec.stddevUs)})`;
    case 'exponential':
      return `exponential(mean ${formatDuration(spec.meanUs)})`;
    case 'lognormal':
      return `lognormal(median ${formatDuration(Math.round(Math.exp(spec.mu)))})`;
    case 'pareto':
      return `pareto(scale ${formatDuration(spec.scaleUs)}, shape ${spec.shape})`;
    case 'mixture':
      return `mixture(${spec.components.map((c) => `${round(c.weight)} ${describeDistribution(c.dist)}`).join(', ')})`;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
