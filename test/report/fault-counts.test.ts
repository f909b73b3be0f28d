// The fault counts a person reads agree with faults.injected: the fault list's header counts
// faults and their ends apart, the -q line counts faults applied (not fault-log records), and a
// run cut short by the event budget says where it stopped (issue 15, point 8).

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/fake-io.js';

const FILE = 'scenarios/retries-under-loss.yaml'; // every fault kind, several with `for:`

describe('fault counts', () => {
  it('the fault list header and the -q line agree with faults.injected', async () => {
    const json = JSON.parse((await runCli(['run', FILE, '--format', 'json'])).out);
    const injected = json.metrics['faults.injected'];
    const ends = json.faults.filter((f: { revert: boolean }) => f.revert).length;
    expect(ends).toBeGreaterThan(0);
    const pretty = (await runCli(['run', FILE])).out;
    expect(pretty).toContain(`faults (${injected}, ${ends} end${ends === 1 ? '' : 's'})`);
    const quiet = (await runCli(['run', FILE, '-q'])).out;
    expect(quiet).toContain(`${injected} faults`);
    expect(quiet).not.toContain(`${json.faults.length} faults`);
  });

  it('a run cut short by the event budget ends where it stopped', async () => {
    const result = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=1000', '--format', 'json']);
    const document = JSON.parse(result.out);
    expect(document.stopReason).toBe('event-budget-exhausted');
    expect(document.endMs).toBeLessThan(document.durationMs);
    const pretty = (await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=1000'])).out;
    expect(pretty).not.toContain(`ran out at ${(document.durationMs / 1000).toFixed(2)}s`);
  });
});
