// How each node state of a timeline lane is shown: its severity (for merging buckets), the
// terminal glyph, the one-character code used in the JSON document, and a legend label.

import type { NodeLaneState } from '../result/run-result.js';

export interface LaneStateLook {
  readonly state: NodeLaneState;
  /** Higher is worse; when buckets merge, the worst state wins. */
  readonly severity: number;
  readonly glyph: string;
  /** ASCII, one character per bucket in the JSON document's lane strings. */
  readonly jsonCode: string;
  readonly label: string;
}

/** In legend order. Severity: down > paused > cut > up. */
export const LANE_STATE_LOOKS: readonly LaneStateLook[] = [
  { state: 'up', severity: 0, glyph: '─', jsonCode: '-', label: 'up' },
  { state: 'down', severity: 3, glyph: '█', jsonCode: 'D', label: 'down' },
  { state: 'paused', severity: 2, glyph: '▒', jsonCode: 'P', label: 'paused' },
  { state: 'cut', severity: 1, glyph: '╳', jsonCode: 'C', label: 'cut off' },
];

const LOOK_BY_STATE = new Map(LANE_STATE_LOOKS.map((look) => [look.state, look]));

export function laneStateLook(state: NodeLaneState): LaneStateLook {
  const look = LOOK_BY_STATE.get(state);
  if (look === undefined) throw new Error(`unknown lane state: ${String(state)}`);
  return look;
}

export function worseLaneState(a: NodeLaneState, b: NodeLaneState): NodeLaneState {
  return laneStateLook(b).severity > laneStateLook(a).severity ? b : a;
}

/** The JSON legend: code → label, in legend order. */
export function laneStateJsonLegend(): Record<string, NodeLaneState> {
  const legend: Record<string, NodeLaneState> = {};
  for (const look of LANE_STATE_LOOKS) legend[look.jsonCode] = look.state;
  return legend;
}
