// How `ddsim explore` draws one fault of each kind: a table from the names `explore.faults` accepts
// (every registered kind's name and keys, src/faults/registry.ts) to a function that draws the
// kind's own keys of an ordinary `faults:` entry. `at:` and `for:` are added by the schedule
// (schedule.ts), `for:` only for kinds that can be reverted. A new fault kind needs one line
// here (a test checks that every registered kind has one); the entry it draws is read by the
// kind's own parser like any hand-written one.

import { formatDuration } from '../model/describe.js';
import type { Draw } from './draw.js';

/** One `faults:` entry as YAML values, keys in the order they are written. */
export type FaultEntry = Readonly<Record<string, unknown>>;

/** A node a fault may hit: a name, or a role of the system model (resolved when the fault fires). */
export type Target = string | { readonly role: string };

export interface GeneratorContext {
  readonly draw: Draw;
  /** Names of the nodes faults may hit (`explore.nodes`), in topology order. */
  readonly targetNames: readonly string[];
  /** Roles faults may hit. */
  readonly targetRoles: readonly string[];
  /** Every node of the scenario, in topology order. */
  readonly nodeNames: readonly string[];
}

export type FaultGenerator = (context: GeneratorContext) => FaultEntry;

const STEP_RANGE_US = { minUs: 1_000, maxUs: 10_000_000 };
const DELAY_RANGE_US = { minUs: 1_000, maxUs: 1_000_000 };

export const FAULT_GENERATORS: Readonly<Record<string, FaultGenerator>> = {
  crash: (c) => ({ crash: target(c), ...(c.draw.chance(0.5) ? { mode: 'silent' } : {}) }),
  restart: (c) => ({ restart: c.targetNames.length > 0 ? c.draw.pick(c.targetNames) : target(c) }),
  pause: (c) => ({ pause: target(c) }),
  slow: (c) => ({ slow: target(c), factor: c.draw.intBetween(2, 20) }),
  partition: (c) => ({ partition: partitionGroups(c) }),
  cut: (c) => ({ cut: linkBetween(c) }),
  heal: () => ({ heal: true }),
  loss: (c) => ({ loss: c.draw.uniform(0.05, 0.9, 2), ...linkTarget(c) }),
  delay: (c) => ({ delay: formatDuration(c.draw.durationUs(DELAY_RANGE_US)), ...linkTarget(c) }),
  duplicate: (c) => ({ duplicate: c.draw.uniform(0.05, 0.5, 2), ...linkTarget(c) }),
  link: (c) => FAULT_GENERATORS[c.draw.pick(['loss', 'delay', 'duplicate'])]!(c),
  clock: (c) => ({ clock: target(c), ...clockChange(c.draw) }),
};

/** A node name or a role, each equally likely. */
function target(c: GeneratorContext): Target {
  const index = c.draw.intBetween(0, c.targetNames.length + c.targetRoles.length - 1);
  return index < c.targetNames.length ? c.targetNames[index]! : { role: c.targetRoles[index - c.targetNames.length]! };
}

/**
 * Two groups: a role against everyone else (`[{ role: leader }, "*"]`), or the target nodes split
 * in two non-empty groups with every other node joining one side or staying connected to both.
 */
function partitionGroups(c: GeneratorContext): unknown[] {
  const { draw } = c;
  if (c.targetRoles.length > 0 && (c.targetNames.length < 2 || draw.chance(0.3))) return [{ role: draw.pick(c.targetRoles) }, '*'];
  const shuffled = draw.shuffle(c.targetNames);
  const cut = shuffled.length < 2 ? 1 : draw.intBetween(1, shuffled.length - 1);
  const sides: [Set<string>, Set<string>] = [new Set(shuffled.slice(0, cut)), new Set(shuffled.slice(cut))];
  for (const name of c.nodeNames) {
    if (c.targetNames.includes(name)) continue;
    const side = draw.intBetween(0, 2); // 2: in no group, connected to both sides
    if (side < 2) sides[side]!.add(name);
  }
  if (sides[1].size === 0) {
    // A single target and no other node fell on the far side: everyone else is there.
    for (const name of c.nodeNames) if (!sides[0].has(name)) sides[1].add(name);
  }
  return sides.map((side) => c.nodeNames.filter((name) => side.has(name)));
}

/** `a -> b`, `b -> a` or `a <-> b` between a target (any node when only roles are targets) and another node. */
function linkBetween(c: GeneratorContext): string {
  const from = c.draw.pick(c.targetNames.length > 0 ? c.targetNames : c.nodeNames);
  const to = c.draw.pick(c.nodeNames.filter((name) => name !== from));
  const arrow = c.draw.pick(['->', '<-', '<->']);
  return arrow === '<-' ? `${to} -> ${from}` : `${from} ${arrow} ${to}`;
}

/** Every link of a target (`node:`), or one link between a target and another node. */
function linkTarget(c: GeneratorContext): FaultEntry {
  if (c.targetNames.length === 0 || c.draw.chance(0.5)) return { node: target(c) };
  return { link: linkBetween(c) };
}

function clockChange(draw: Draw): FaultEntry {
  const change = draw.pick(['offset', 'jump', 'drift', 'sync'] as const);
  if (change === 'sync') return { sync: 'off' };
  const sign = draw.chance(0.5) ? '-' : '';
  if (change === 'drift') return { drift: `${sign}${draw.logUniformInt(50, 5000)}ppm` };
  return { [change]: `${sign}${formatDuration(draw.durationUs(STEP_RANGE_US))}` };
}
