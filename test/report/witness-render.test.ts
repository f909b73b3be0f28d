import { describe, expect, it } from 'vitest';
import { renderWitness, WITNESS_LINES_MAX } from '../../src/report/witness-render.js';

describe('witness', () => {
  it('keeps what fits on one line, unquoted keys', () => {
    expect(renderWitness({ op: { process: 1, f: 'read', value: null } }, 80)).toEqual([
      '{ op: { process: 1, f: "read", value: null } }',
    ]);
  });

  it('expands what does not fit, and cuts long lines to the width', () => {
    const lines = renderWitness({ explanation: 'x'.repeat(100), ops: [1, 2, 3] }, 40);
    expect(lines[0]).toBe('{');
    expect(lines[1]).toHaveLength(40);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(lines[2]).toBe('  ops: [1, 2, 3]');
    expect(lines[3]).toBe('}');
  });

  it('stops after a bounded number of lines, saying how many more there are', () => {
    const lines = renderWitness(Array.from({ length: 100 }, (_, index) => ({ op: index, note: 'y'.repeat(30) })), 40);
    expect(lines).toHaveLength(WITNESS_LINES_MAX);
    expect(lines.at(-1)).toMatch(/^… \d+ more lines/);
  });
});
