// Faults that name a role (`{ crash: { role: leader } }`) act on the nodes holding it when they
// fire; a vacant role makes a skipped fault; a role the model does not declare is refused when
// the scenario is read.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../cli/fake-io.js';
import { leaderFollowerModel } from '../../src/models/leader-follower/index.js';
import type { LeaderFollowerObserver } from '../../src/models/leader-follower/observer.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { ScenarioRun } from '../../src/run/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { problemsOf, minimal, where } from '../scenario/scenario-test-helpers.js';
import { resolveListener, rotatingLeader, type ListenerLog } from './listener-model.js';

const nodeNames = ['a', 'b', 'c'];
const builtinResolver = createModelResolver(loadBuiltinModel, builtinModelNames);

async function runListener(faults: string) {
  const text = `duration: 30s\nnodes: [{ name: a }, { name: b }, { name: c }]\nsystem: { model: listener }\nfaults:\n${faults}\n`;
  const scenario = await loadScenario({ file: 'roles.yaml', text, resolveModel: resolveListener });
  const run = new ScenarioRun(scenario);
  const result = run.result();
  return Object.assign(result, { feed: (run as unknown as { shared: ListenerLog }).shared.events });
}

describe('faults naming a role', () => {
  it('act on the node holding the role when they fire, and say so in the fault log', async () => {
    const result = await runListener(
      ['  - { at: 3.5s, crash: { role: leader } }', '  - { at: 7.5s, for: 1s, pause: { role: leader } }'].join('\n'),
    );
    expect(rotatingLeader(nodeNames, 3_500_000)).toEqual(['a']);
    expect(rotatingLeader(nodeNames, 7_500_000)).toEqual(['b']);
    expect(result.faults.map((f) => [f.label, f.nodes])).toEqual([
      ['crash role leader (leader: a)', ['a']],
      ['pause role leader (leader: b)', ['b']],
      ['end of pause role leader (leader: b)', undefined],
      ['final phase: every fault reverted, network healed', undefined],
    ].slice(0, result.faults.length));
  });

  it('a partition group that is a role takes its node out of the other groups', async () => {
    const result = await runListener('  - { at: 5.5s, for: 1s, partition: [{ role: leader }, "*"] }');
    expect(result.faults[0]).toMatchObject({ label: 'partition {role leader} | {a, b, c} (leader: c)', nodes: ['a', 'b', 'c'] });
    expect(result.feed[0]!.links).toEqual([
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'b' },
    ]);
  });

  it('a role nobody holds makes a skipped fault, not an error, and is not counted as injected', async () => {
    const result = await runListener(['  - { at: 20.5s, crash: { role: leader } }', '  - { at: 21.5s, crash: a }'].join('\n'));
    expect(result.faults[0]).toMatchObject({ label: 'crash role leader: skipped, no node holds role leader', skipped: true, nodes: [] });
    expect(result.metrics['faults.injected']).toBe(1);
  });

  it('random crashes of a role crash whoever holds it at each failure', async () => {
    const result = await runListener('  - random: { crash: { role: leader, mtbf: 2s, mttr: 500ms } }');
    const crashes = result.faults.filter((f) => f.kind === 'crash' && !f.revert && !f.skipped);
    expect(crashes.length).toBeGreaterThan(5);
    for (const crash of crashes) expect(crash.nodes).toEqual(rotatingLeader(nodeNames, crash.atUs));
  });
});

describe('leader-follower declares the role leader', () => {
  it('a crash of { role: leader } hits the acting leader in every seed', async () => {
    const text = readFileSync('test/fixtures/role-leader-crash.yaml', 'utf8');
    const crashed = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const scenario = await loadScenario({ file: 'role-leader-crash.yaml', text, seed, resolveModel: builtinResolver });
      const run = new ScenarioRun(scenario);
      const result = run.result();
      const { leaderTerms } = leaderFollowerModel.recordedFacts!((run as unknown as { shared: LeaderFollowerObserver }).shared) as {
        leaderTerms: { node: string; fromUs: number; toUs: number }[];
      };
      const crashes = result.faults.filter((f) => f.kind === 'crash' && !f.revert && !f.skipped);
      expect(crashes.length).toBeGreaterThan(0);
      for (const crash of crashes) {
        expect(crash.nodes).toHaveLength(1);
        const node = crash.nodes![0]!;
        crashed.add(node);
        // The node it hit was acting as leader at that instant, by the observer's record of terms.
        expect(leaderTerms.some((t) => t.node === node && t.fromUs <= crash.atUs && t.toUs >= crash.atUs)).toBe(true);
      }
    }
    // Leadership moves over time and between seeds: a fixed node name would miss most of these.
    expect(crashed.size).toBeGreaterThan(1);
  });
});

describe('reading roles', () => {
  it('refuses a role the model does not declare, with a did-you-mean', async () => {
    const text = 'duration: 10s\nnodes: [{ name: a }]\nsystem: { model: listener }\nfaults:\n  - { at: 1s, crash: { role: leder } }\n';
    const problems = await problemsOf(text, { resolveModel: resolveListener });
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
      ['test.yaml:5:30 faults[0].crash.role', 'model listener has no role "leder"', 'did you mean `leader`?'],
    ]);
  });

  it('refuses roles for a model that has none', async () => {
    const problems = await problemsOf(minimal('faults:\n  - { at: 1s, pause: { role: leader } }'));
    expect(problems.map((p) => p.message)).toEqual(['model request-response declares no roles']);
  });

  it('refuses nodes and role together in a random crash', async () => {
    const text = 'duration: 10s\nnodes: [{ name: a }]\nsystem: { model: listener }\nfaults:\n  - random: { crash: { role: leader, nodes: [a], mtbf: 1s, mttr: 1s } }\n';
    const problems = await problemsOf(text, { resolveModel: resolveListener });
    expect(problems.map((p) => p.message)).toEqual(['give either `nodes` or `role`, not both']);
  });
});

describe('the typed example examples/failover-model.ts (a role, the fault feed, a declared histogram)', () => {
  it('its faults find the primary of the moment, and its observer measures failover from the feed', async () => {
    const { code, out } = await runCli(['run', 'examples/failover.yaml', '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(out);
    // The crash hits the first primary; the partition, five seconds later, the one that took over.
    expect(document.faults.map((f: { label: string }) => f.label)).toEqual([
      'crash role primary (primary: node-1)',
      'partition {role primary} | {node-1, node-2, node-3} (primary: node-2)',
      'end of partition {role primary} | {node-1, node-2, node-3} (primary: node-2)',
    ]);
    // Two failovers (crash, partition), each about the 500ms timeout plus a heartbeat or two.
    expect(document.metrics['failover.mean']).toBeGreaterThan(500);
    expect(document.metrics['failover.max']).toBeLessThan(1000);
    expect(document.metricUnits['failover.p99']).toBe('ms');
  });
});
