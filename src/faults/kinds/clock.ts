// `clock:` faults on node clocks (DDIA ch. 8, "Unreliable clocks"):
//   { at: 0s, clock: replica-2, offset: -100ms }          a standing skew: the clock stepped by an amount
//   { at: 20s, clock: db-1, jump: 30s }                     an NTP step or VM clock jump (same effect, read as an event)
//   { at: 10s, for: 60s, clock: "db-*", drift: 1000ppm }    a bad oscillator for a while (timers run fast too)
//   { at: 5s, for: 120s, clock: db-2, sync: off }           NTP unreachable: drift accumulates
// Steps change only the time-of-day clock (ctx.nowUs), never the monotonic one. Reverting (after
// `for:`, or in the final phase) steps back by the same amount, restores the drift, resumes sync.

import type { FaultEntryReader, FaultKind } from '../fault-kind.js';
import type { NodeSelector } from '../fault-spec.js';
import { formatDuration } from '../../model/describe.js';
import { DRIFT_PPM_MAX } from '../../sim/clock-spec.js';
import { applyToNodes } from './node-faults.js';

export type ClockChange =
  | { readonly step: 'offset' | 'jump'; readonly deltaUs: number }
  | { readonly driftPpm: number }
  | { readonly syncOff: true };

export interface ClockAction {
  readonly kind: 'clock';
  readonly nodes: NodeSelector;
  readonly change: ClockChange;
}

const CHANGES = ['offset', 'jump', 'drift', 'sync'] as const;
/** A day: a step beyond it is a unit mistake. */
const STEP_MAX_US = 24 * 3600 * 1_000_000;

export const clockFault: FaultKind<ClockAction> = {
  name: 'clock',
  keys: ['clock'],
  modifiers: [...CHANGES],
  title: 'clock',
  parse(entry) {
    const selection = entry.nodeSelection('clock');
    const change = readChange(entry);
    if (selection === null || change === null) return null;
    return { action: { kind: 'clock', nodes: selection.selector, change }, label: `clock ${selection.text} ${describeChange(change)}` };
  },
  apply(action, world) {
    const change = action.change;
    if ('step' in change) {
      return applyToNodes(world, action.nodes, (node) => world.stepClock(node, change.deltaUs), (node) => world.stepClock(node, -change.deltaUs));
    }
    const reverts = new Map<number, () => void>();
    const start = (node: number): void => {
      reverts.set(node, 'driftPpm' in change ? world.overrideClockDrift(node, change.driftPpm) : world.disableClockSync(node));
    };
    return applyToNodes(world, action.nodes, start, (node) => reverts.get(node)!());
  },
};

function readChange(entry: FaultEntryReader): ClockChange | null {
  const present = CHANGES.filter((key) => entry.has(key));
  if (present.length !== 1) {
    for (const key of present) entry.raw(key);
    entry.error('clock', present.length === 0 ? 'a clock fault needs one of offset, jump, drift or sync' : `a clock fault takes one of ${present.join(', ')}, not several`,
      'e.g. { at: 0s, clock: db-1, offset: -100ms } or { at: 5s, for: 60s, clock: db-2, drift: 1000ppm }');
    return null;
  }
  const key = present[0]!;
  if (key === 'offset' || key === 'jump') {
    const deltaUs = entry.signedDuration(key, { min: -STEP_MAX_US, max: STEP_MAX_US });
    return deltaUs === 0 ? zeroStep(entry, key) : { step: key, deltaUs };
  }
  if (key === 'drift') return { driftPpm: entry.ppm('drift', { min: -DRIFT_PPM_MAX, max: DRIFT_PPM_MAX }) };
  const value = entry.raw('sync');
  if (value === false || value === 'off') return { syncOff: true };
  entry.error('sync', `expected off, got ${JSON.stringify(value)}`, 'a clock fault can only turn synchronization off (for a while, with `for:`)');
  return null;
}

function zeroStep(entry: FaultEntryReader, key: string): null {
  entry.error(key, 'a clock step of 0 changes nothing');
  return null;
}

function describeChange(change: ClockChange): string {
  if ('step' in change) {
    const amount = `${change.deltaUs < 0 ? '-' : '+'}${formatDuration(Math.abs(change.deltaUs))}`;
    return change.step === 'offset' ? `offset ${amount}` : `jumps ${amount}`;
  }
  if ('driftPpm' in change) return `drift ${change.driftPpm}ppm`;
  return 'sync off';
}
