// The observers' fault feed (oracle.onFault) hears every fault and every end of one, of every
// kind, in order, with the nodes and links each touched; oracle.reachable follows partitions and
// cuts; the final phase's heal is heard too.

import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../src/run/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { resolveListener, type ListenerLog } from './listener-model.js';

const SCENARIO = `
duration: 30s
nodes: [{ name: a }, { name: b }, { name: c }]
system: { model: listener }
faults:
  - { at: 1s, for: 1s, crash: a }
  - { at: 3s, crash: b, mode: silent }
  - { at: 4s, restart: b }
  - { at: 5s, for: 1s, pause: [a, c] }
  - { at: 7s, for: 1s, slow: c, factor: 3 }
  - { at: 9s, for: 2s, partition: [[a], [b, c]] }
  - { at: 10s, cut: "b -> c" }
  - { at: 12s, heal: true }
  - { at: 13s, for: 1s, loss: 0.5, link: "a -> b" }
  - { at: 15s, delay: 10ms, node: c }
  - { at: 16s, duplicate: 0.1 }
  - { at: 17s, for: 100s, cut: "a <-> c" }
  - random: { crash: { nodes: [b], mtbf: 5s, mttr: 1s } }
final: { quiet: 1s }
`;

async function run(): Promise<{ log: ListenerLog; faults: ScenarioRun['result'] extends () => infer R ? R : never }> {
  const scenario = await loadScenario({ file: 'feed.yaml', text: SCENARIO, resolveModel: resolveListener });
  const run = new ScenarioRun(scenario);
  const result = run.result();
  return { log: (run as unknown as { shared: ListenerLog }).shared, faults: result };
}

describe('the fault feed', () => {
  it('hears every fault and end of one the fault log records, in the same order', async () => {
    const { log, faults: result } = await run();
    const heard = log.events.map((e) => [e.atUs, e.kind, e.label, e.revert]);
    // The cut a <-> c would end at 117s, after the final heal: the log records that end, the feed
    // heard the heal instead (each fault's end is heard once).
    const logged = result.faults.filter((f) => f.atUs < 100_000_000).map((f) => [f.atUs, f.kind, f.label, f.revert]);
    expect(heard).toEqual(logged);
    const kinds = new Set(log.events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['crash', 'cut', 'heal', 'link', 'partition', 'pause', 'restart', 'slow']);
    expect(log.events.filter((e) => e.revert).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['crash', 'pause', 'slow', 'partition', 'link', 'heal']),
    );
  });

  it('names the nodes and links each fault touched', async () => {
    const { log } = await run();
    const at = (seconds: number, revert = false) => log.events.find((e) => e.atUs === seconds * 1_000_000 && e.revert === revert)!;
    expect(at(1)).toMatchObject({ kind: 'crash', nodes: ['a'], links: [], skipped: false });
    expect(at(2, true)).toMatchObject({ kind: 'crash', label: 'end of crash a', nodes: ['a'] });
    expect(at(5)).toMatchObject({ kind: 'pause', nodes: ['a', 'c'] });
    expect(at(9).links).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'a' },
      { from: 'c', to: 'a' },
    ]);
    expect(at(10).links).toEqual([{ from: 'b', to: 'c' }]);
    // heal unblocks what is still blocked: the cut (the partition ended at 11s).
    expect(at(12).links).toEqual([{ from: 'b', to: 'c' }]);
    expect(at(13).links).toEqual([{ from: 'a', to: 'b' }]);
    expect(at(15).links).toHaveLength(4);
    expect(at(16).links).toHaveLength(6); // every link between two different nodes
    const finalHeal = log.events.at(-1)!;
    expect(finalHeal).toMatchObject({ kind: 'heal', revert: true });
    expect(finalHeal.links).toEqual(expect.arrayContaining([{ from: 'a', to: 'c' }, { from: 'c', to: 'a' }, { from: 'a', to: 'b' }]));
  });

  it('oracle.reachable follows partitions, cuts and heals', async () => {
    const { log } = await run();
    const reachableAt = (seconds: number, revert = false) =>
      log.reachableAB[log.events.findIndex((e) => e.atUs === seconds * 1_000_000 && e.revert === revert)];
    expect(reachableAt(1)).toBe(true); // a crash blocks no link
    expect(reachableAt(9)).toBe(false); // partition [a] | [b, c]
    expect(reachableAt(10)).toBe(false);
    expect(reachableAt(11, true)).toBe(true); // the partition ended; the cut is b -> c
    expect(reachableAt(17)).toBe(true); // a <-> c leaves a -> b open
  });
});
