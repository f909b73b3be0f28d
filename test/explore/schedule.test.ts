// Generated schedules: every registered fault kind has a generator and every entry it draws is an
// ordinary fault the scenario reader accepts (names, globs, roles, groups); draws come from named
// streams of the explore seed and the run number, so a run is the same whatever else changes,
// and fault j does not move when the runs may have more faults.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exploreSettings, type ExploreSettings } from '../../src/explore/explore-settings.js';
import { FAULT_GENERATORS } from '../../src/explore/fault-generators.js';
import { entryKinds } from '../../src/explore/fault-entries.js';
import { reproducerText } from '../../src/explore/reproducer.js';
import { scheduleOf } from '../../src/explore/schedule.js';
import { FAULT_KINDS } from '../../src/faults/registry.js';
import { loadScenarioText } from '../../src/io/scenario-file.js';
import { EXPLORE_FAULT_NAMES } from '../../src/scenario/parse-explore.js';

const FILE = 'scenarios/explore-split-brain.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const NODES = ['client-1', 'client-2', 'db-1', 'db-2', 'db-3'];

async function settingsWith(sets: readonly string[]): Promise<ExploreSettings> {
  return exploreSettings(await loadScenarioText(FILE, TEXT, { sets, scenarioDir: 'scenarios' }));
}

function textOf(settings: ExploreSettings, index: number): string {
  const schedule = scheduleOf(settings, NODES, 7, index);
  return reproducerText(TEXT, { name: 'x', seed: schedule.seed, faults: schedule.faults, model: { written: 'leader-follower', fromDir: '.', toDir: '.' }, comment: [] });
}

describe('fault generators', () => {
  it('exist for every name explore.faults accepts: each registered kind and each of its keys', () => {
    expect(Object.keys(FAULT_GENERATORS).sort()).toEqual([...EXPLORE_FAULT_NAMES].sort());
    for (const kind of FAULT_KINDS) expect(EXPLORE_FAULT_NAMES).toEqual(expect.arrayContaining([kind.name, ...kind.keys]));
  });

  it('draw entries the scenario reader accepts, for every kind, on names and on roles', async () => {
    const all = await settingsWith([`explore.faults=[${EXPLORE_FAULT_NAMES.join(', ')}]`, 'explore.nodes=["db-*", {role: leader}, {role: follower}]', 'explore.faults-per-run=6..6']);
    const seen = new Set<string>();
    for (let index = 0; index < 60; index++) {
      const text = textOf(all, index);
      const scenario = await loadScenarioText(`run-${index}.yaml`, text, { sets: [], scenarioDir: 'scenarios' });
      expect(scenario.faults).toHaveLength(6);
      for (const fault of scheduleOf(all, NODES, 7, index).faults) entryKinds(fault).forEach((kind) => seen.add(kind));
      for (const fault of scenario.faults) seen.add(fault.action.kind);
    }
    for (const kind of FAULT_KINDS) expect(seen, kind.name).toContain(kind.name);
    for (const key of ['loss', 'delay', 'duplicate']) expect(seen).toContain(key);
  });

  it('hit only the nodes explore.nodes names (and partition the others freely), within the at and for ranges', async () => {
    const settings = await settingsWith(['explore.faults=[crash, pause, clock, slow]', 'explore.nodes=db-2', 'explore.at=2s..3s', 'explore.for=1s..2s']);
    for (let index = 0; index < 30; index++) {
      for (const fault of scheduleOf(settings, NODES, 7, index).faults) {
        const target = fault['crash'] ?? fault['pause'] ?? fault['clock'] ?? fault['slow'];
        expect(target).toBe('db-2');
        const atS = Number.parseFloat(String(fault['at']));
        expect(atS).toBeGreaterThanOrEqual(2);
        expect(atS).toBeLessThan(3);
        expect(String(fault['for'])).toMatch(/^(1(\.\d+)?|2)s$/);
      }
    }
  });
});

describe('schedules', () => {
  it('are the same for the same explore seed and run, and differ between runs and seeds', async () => {
    const settings = await settingsWith([]);
    expect(scheduleOf(settings, NODES, 7, 12)).toEqual(scheduleOf(settings, NODES, 7, 12));
    expect(scheduleOf(settings, NODES, 7, 12)).not.toEqual(scheduleOf(settings, NODES, 7, 13));
    expect(scheduleOf(settings, NODES, 8, 12)).not.toEqual(scheduleOf(settings, NODES, 7, 12));
  });

  it('use one swarm subset of the kinds per run, and keep fault j when runs may have more faults', async () => {
    const few = await settingsWith(['explore.faults-per-run=1..3']);
    const many = await settingsWith(['explore.faults-per-run=4..8']);
    let subsets = 0;
    for (let index = 0; index < 40; index++) {
      const small = scheduleOf(few, NODES, 7, index);
      const large = scheduleOf(many, NODES, 7, index);
      expect(large.seed).toBe(small.seed);
      expect(large.faultNames).toEqual(small.faultNames);
      expect(small.faultNames.length).toBeGreaterThan(0);
      if (small.faultNames.length < few.faultNames.length) subsets++;
      for (const fault of small.faults) expect(large.faults).toContainEqual(fault);
      for (const fault of small.faults) expect(small.faultNames).toEqual(expect.arrayContaining(entryKinds(fault)));
    }
    expect(subsets).toBeGreaterThan(20);
  });
});
