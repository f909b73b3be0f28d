import { describe, expect, it } from 'vitest';
import { renderMetricsTable } from '../../src/report/metrics-table.js';
import { createPalette } from '../../src/report/style.js';
import { runScenarioJson } from '../scenarios/run-scenario-json.js';

const plain = createPalette(false);

describe('metrics table', () => {
  it('shows metrics with data, notes how many have none, and keeps them in the JSON', () => {
    const lines = renderMetricsTable({ 'requests.ok': 12, 'requests.during-crash.ok-fraction': Number.NaN }, 80, plain);
    const text = lines.join('\n');
    expect(text).toContain('requests.ok');
    expect(text).not.toContain('during-crash');
    expect(text).toContain('1 metric without data (n/a) not shown; --format json lists every metric');
  });

  it('request-response reports crash phases only when a server crashed', async () => {
    const noCrash = await runScenarioJson('pause-looks-dead.yaml');
    expect(noCrash.metrics['requests.during-crash.ok']).toBeNull();
    expect(noCrash.metrics['requests.before-crash.ok-fraction']).toBeNull();
    const crash = await runScenarioJson('lb-drains-crashed-server.yaml');
    expect(crash.metrics['requests.during-crash.ok']).toBeGreaterThan(0);
    expect(crash.metrics['requests.before-crash.ok-fraction']).toBeGreaterThan(0.99);
  });
});
