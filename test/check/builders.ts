// Small builders for histories in tests: `op(process, f, value, [call, return])`.

import type { Operation } from '../../src/check/index.js';

let nextId = 0;

export function op(
  process: number,
  f: string,
  io: { input?: unknown; output?: unknown; key?: string },
  [callTime, returnTime]: readonly [number, number],
  outcome: Operation['outcome'] = 'ok',
): Operation {
  nextId += 1;
  return {
    id: nextId,
    process,
    f,
    ...(io.key !== undefined ? { key: io.key } : {}),
    input: io.input ?? null,
    output: io.output,
    outcome,
    callTime,
    returnTime: outcome === 'unknown' ? Infinity : returnTime,
  };
}

export const write = (process: number, value: unknown, times: readonly [number, number]): Operation =>
  op(process, 'write', { input: value }, times);
export const read = (process: number, value: unknown, times: readonly [number, number]): Operation =>
  op(process, 'read', { output: value }, times);
