// Short human descriptions of scenario values, for fault labels and reports:
// `300ms`, `exponential(mean 5ms)`, `{client, server-1} | {server-2}`. Pure.

import type { DistributionSpec } from './types.js';
import { formatDuration } from './units.js';

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

export function describeGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((group) => `{${group.join(', ')}}`).join(' | ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
