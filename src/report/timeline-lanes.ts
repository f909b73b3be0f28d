// The node lanes of the timeline: one row per node, one glyph per column. With many nodes the
// first LANES_SHOWN_WHEN_MANY are drawn, then one lane with the worst state of all the others
// and a line counting how many of them were ever down, paused or cut off. Flags a model set on a
// drawn node (e.g. `suspected`) get a row of their own right under the node's lane.

import type { NodeLaneState, TimelineFlag, TimelineLane } from '../result/run-result.js';
import { LANE_STATE_LOOKS, laneStateLook, worseLaneState } from './lane-states.js';
import type { Palette, Paint } from './style.js';
import { padEndVisible, truncateEnd, wrapWords } from './text-layout.js';
import { statesPerColumn, valuesPerColumn, type ColumnMapping } from './timeline-columns.js';

/** Drawn in a flag row where the flag was on (blank where it was off). */
export const FLAG_GLYPH = '!';

/** Up to this many nodes, every lane is drawn. */
export const LANES_DRAWN_MAX = 24;
const LANES_SHOWN_WHEN_MANY = 20;

export interface LaneRowsInput {
  readonly lanes: readonly TimelineLane[];
  readonly mapping: ColumnMapping;
  readonly nameColumnWidth: number;
}

/** The names in the lanes' name column, the summary lane's included. */
export function drawnLaneNames(lanes: readonly TimelineLane[]): string[] {
  const withFlags = (lane: TimelineLane) => [lane.node, ...(lane.flags ?? []).map(flagLabel)];
  if (lanes.length <= LANES_DRAWN_MAX) return lanes.flatMap(withFlags);
  return [...lanes.slice(0, LANES_SHOWN_WHEN_MANY).flatMap(withFlags), moreLabel(lanes.length - LANES_SHOWN_WHEN_MANY)];
}

/** The name-column label of a flag row: indented under its node, e.g. "  suspected". */
function flagLabel(flag: TimelineFlag): string {
  return `  ${flag.name}`;
}

function moreLabel(hiddenCount: number): string {
  return `+${hiddenCount} more`;
}

export function renderLaneRows(input: LaneRowsInput, palette: Palette): string[] {
  const { lanes, mapping, nameColumnWidth } = input;
  const drawAll = lanes.length <= LANES_DRAWN_MAX;
  const shown = drawAll ? lanes : lanes.slice(0, LANES_SHOWN_WHEN_MANY);
  const rows = shown.flatMap((lane) => [
    laneRow(lane.node, lane.states, input, palette),
    ...(lane.flags ?? []).map((flag) => flagRow(flag, input, palette)),
  ]);
  if (drawAll) return rows;
  const hidden = lanes.slice(LANES_SHOWN_WHEN_MANY);
  rows.push(laneRow(moreLabel(hidden.length), worstOfLanes(hidden, mapping.bucketCount), input, palette));
  const summaryLines = wrapWords(hiddenSummary(hidden), nameColumnWidth + 1 + mapping.columnCount);
  rows.push(...summaryLines.map((line) => palette.dim(line)));
  return rows;
}

function laneRow(name: string, states: readonly NodeLaneState[], input: LaneRowsInput, palette: Palette): string {
  const label = padEndVisible(truncateEnd(name, input.nameColumnWidth), input.nameColumnWidth);
  return `${label} ${paintRuns(statesPerColumn(input.mapping, states), palette)}`;
}

function flagRow(flag: TimelineFlag, input: LaneRowsInput, palette: Palette): string {
  const label = padEndVisible(truncateEnd(flagLabel(flag), input.nameColumnWidth), input.nameColumnWidth);
  const columns = valuesPerColumn(input.mapping, flag.buckets, (kept, next) => kept || next);
  const cells = columns.map((on) => (on ? FLAG_GLYPH : ' ')).join('');
  return `${palette.dim(label)} ${cells.replace(/!+/g, (run) => palette.warning(run))}`;
}

/** Paints runs of equal states at once, to keep the escape sequences few. */
function paintRuns(states: readonly NodeLaneState[], palette: Palette): string {
  let text = '';
  let runStart = 0;
  for (let column = 1; column <= states.length; column++) {
    if (column < states.length && states[column] === states[runStart]) continue;
    const look = laneStateLook(states[runStart]);
    text += paintFor(states[runStart], palette)(look.glyph.repeat(column - runStart));
    runStart = column;
  }
  return text;
}

export function paintFor(state: NodeLaneState, palette: Palette): Paint {
  switch (state) {
    case 'up':
      return palette.laneUp;
    case 'down':
      return palette.laneDown;
    case 'paused':
      return palette.lanePaused;
    case 'cut':
      return palette.laneCut;
  }
}

function worstOfLanes(lanes: readonly TimelineLane[], bucketCount: number): NodeLaneState[] {
  const worst: NodeLaneState[] = new Array<NodeLaneState>(bucketCount).fill('up');
  for (const lane of lanes) {
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      worst[bucket] = worseLaneState(worst[bucket], lane.states[bucket] ?? 'up');
    }
  }
  return worst;
}

function hiddenSummary(hidden: readonly TimelineLane[]): string {
  const parts: string[] = [];
  for (const look of LANE_STATE_LOOKS) {
    if (look.state === 'up') continue;
    const count = hidden.filter((lane) => lane.states.includes(look.state)).length;
    if (count > 0) parts.push(`${count} ${look.label}`);
  }
  const head = `… ${hidden.length} more nodes, merged in "${moreLabel(hidden.length)}"`;
  return parts.length === 0 ? `${head}: all up throughout` : `${head}; at some point ${parts.join(', ')}`;
}

/** "─ up  █ down  ▒ paused  ╳ cut off", each glyph in its colour; then the flags drawn, if any. */
export function laneLegend(palette: Palette, lanes: readonly TimelineLane[] = []): string {
  const states = LANE_STATE_LOOKS.map((look) => `${paintFor(look.state, palette)(look.glyph)} ${look.label}`).join('  ');
  const flagNames = [...new Set(lanes.flatMap((lane) => (lane.flags ?? []).map((flag) => flag.name)))].sort();
  if (flagNames.length === 0) return states;
  return `${states}  ${palette.warning(FLAG_GLYPH)} ${flagNames.join(', ')} (row under the node)`;
}
