// Words for a witness: the sentence that says what cannot be ordered, the timeline of the
// offending operations and a list with their source lines. Pure: returns lines, prints nothing.

import type { Operation } from './history.js';
import type { SequentialModel } from './model.js';
import { renderTimeline } from './timeline.js';
import type { Witness } from './witness.js';

/** Operations drawn on the timeline at most; the rest are listed. */
const TIMELINE_OPERATIONS_MAX = 12;

export function explainWitness(witness: Witness, model: SequentialModel<any>): string[] {
  const count = witness.operations.length;
  const failing = witness.failingOperation;
  const on = witness.key === null ? '' : ` on key ${JSON.stringify(witness.key)}`;
  const lines = [
    `No ordering of ${count === 1 ? 'this operation' : `these ${count} operations`}${on} gets past the completion of ` +
      `${model.describeOperation(failing)}${where(failing)}${weakenedClause(witness)}.`,
  ];
  const drawn = nearest(witness.operations, failing, TIMELINE_OPERATIONS_MAX);
  lines.push('', ...renderTimeline(drawn, model).map((line) => `  ${line}`), '');
  if (drawn.length < count) lines.push(`  (the ${count - drawn.length} earliest operations are listed but not drawn)`);
  for (const operation of witness.operations) {
    const mark = operation === failing ? '   ✗ no ordering gets past its completion' : '';
    lines.push(`  ${operationLine(operation, model)}${mark}`);
  }
  const ordering = witness.longestOrdering.map((operation) => model.describeOperation(operation));
  lines.push(
    '',
    ordering.length === 0
      ? `No operation can be ordered first (the initial state is ${model.describeState(model.init())}).`
      : `Longest valid ordering before that point: ${abbreviate(ordering)}, leaving ${witness.stateAfterOrdering}.`,
  );
  if (!witness.minimal) lines.push('(Shrinking stopped at its budget: a smaller set may exist.)');
  return lines;
}

function weakenedClause(witness: Witness): string {
  const count = witness.weakened.length;
  if (count === 0) return '';
  const them = count === 1 ? 'the 1 other operation that could change the state' : `the ${count} other operations that could change the state`;
  return `, even if ${them} took effect at any time after ${count === 1 ? 'its' : 'their'} call, or never`;
}

function where(operation: Operation): string {
  return operation.line === undefined ? '' : ` (invoked at line ${operation.line})`;
}

function operationLine(operation: Operation, model: SequentialModel<any>): string {
  const line = operation.line === undefined ? `#${operation.id}` : `line ${operation.line}`;
  const outcome = operation.outcome === 'unknown' ? ' (outcome unknown)' : '';
  return `${line.padEnd(10)} process ${String(operation.process).padEnd(5)} ${model.describeOperation(operation)}${outcome}`;
}

/** The `limit` operations closest in call time to the failing one (always including it). */
function nearest(operations: readonly Operation[], failing: Operation, limit: number): Operation[] {
  if (operations.length <= limit) return [...operations];
  const byCall = [...operations].sort((a, b) => a.callTime - b.callTime || a.id - b.id);
  const upTo = byCall.filter((operation) => operation.callTime <= failing.callTime || operation === failing);
  const after = byCall.filter((operation) => !upTo.includes(operation));
  return [...upTo.slice(-limit), ...after].slice(0, limit);
}

function abbreviate(items: readonly string[]): string {
  const LIMIT = 8;
  if (items.length <= LIMIT) return items.join(', ');
  return `… ${items.length - LIMIT} earlier, ${items.slice(-LIMIT).join(', ')}`;
}
