// Declared histograms and units: `{ histogram: 'rtt', unit: 'ms' }` makes every statistic valid.

import { describe, expect, it } from 'vitest';
import { declaredMetricNames, expandMetricDeclarations } from '../../src/metrics/metric-declarations.js';

describe('metric declarations', () => {
  it('a histogram declares its six statistics in its unit; plain names keep the name-based unit', () => {
    const units = expandMetricDeclarations([{ histogram: 'rtt', unit: 'ms' }, 'pings', { name: 'lag', unit: 'ms' }]);
    expect([...units.entries()]).toEqual([
      ['rtt.mean', 'ms'], ['rtt.p50', 'ms'], ['rtt.p90', 'ms'], ['rtt.p99', 'ms'], ['rtt.p999', 'ms'], ['rtt.max', 'ms'],
      ['pings', 'count'], ['lag', 'ms'],
    ]);
    expect(declaredMetricNames([{ histogram: 'x' }])).not.toContain('x.p42');
  });
});
