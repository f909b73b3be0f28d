// `{ at: 5s, crash: server-1, mode: silent }`: the process stops (volatile state lost); with
// `for:` it restarts afterwards. `refuse` (default): its host answers "connection refused";
// `silent`: messages vanish (a dead host).

import type { FaultKind } from '../fault-kind.js';
import type { CrashMode, NodeSelector } from '../fault-spec.js';
import { applyToNodes } from './node-faults.js';

export const CRASH_MODES: readonly CrashMode[] = ['refuse', 'silent'];

export interface CrashAction {
  readonly kind: 'crash';
  readonly nodes: NodeSelector;
  readonly mode: CrashMode;
}

export const crashFault: FaultKind<CrashAction> = {
  name: 'crash',
  keys: ['crash'],
  modifiers: ['mode'],
  title: 'crash',
  parse(entry) {
    const selection = entry.nodeSelection('crash');
    const mode = entry.string('mode', { default: 'refuse', oneOf: CRASH_MODES }) as CrashMode;
    if (selection === null) return null;
    const label = `crash ${selection.text}${mode === 'silent' ? ' (silent)' : ''}`;
    return { action: { kind: 'crash', nodes: selection.selector, mode }, label };
  },
  apply(action, world) {
    return applyToNodes(world, action.nodes, (node) => world.crash(node, action.mode), (node) => world.restart(node));
  },
};
