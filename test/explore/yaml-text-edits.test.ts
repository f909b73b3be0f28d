// Edits of scenario text in place: what is not edited stays byte for byte (comments, alignment,
// flow maps), values are replaced at their source, missing keys are inserted where they belong,
// and the values written read back as the same data.

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { flowText } from '../../src/explore/flow-text.js';
import { applyTextEdits } from '../../src/explore/yaml-text-edits.js';

const TEXT = [
  '# LESSON: kept as written',
  'name: demo',
  'duration: 24s                 # aligned comment',
  'system: { model: leader-follower, servers: [db-1, db-2] }',
  'workload:',
  '  rate: 100/s',
  'explore:',
  '  runs: 3',
  'faults:',
  '  - { at: 1s, crash: db-1 }   # trailing comment of the old list',
  'expect:',
  '  - single-leader',
  '',
].join('\n');

describe('applyTextEdits', () => {
  it('replaces values in place, inserts missing keys before the ones that follow them, deletes a section', () => {
    const edited = applyTextEdits(TEXT, [
      { path: ['explore'], value: undefined },
      { path: ['seed'], value: 42, insertBefore: ['duration'] },
      { path: ['duration'], value: '2s' },
      { path: ['system', 'servers'], value: ['db-2'] },
      { path: ['workload', 'clients'], value: ['client'] },
      { path: ['faults'], value: [{ at: '0s', for: '2s', partition: [['db-1'], ['db-2', 'client']] }, { at: '1s', pause: { role: 'leader' } }], block: true },
    ]);
    expect(edited).toBe(
      [
        '# LESSON: kept as written',
        'name: demo',
        'seed: 42',
        'duration: 2s                 # aligned comment',
        'system: { model: leader-follower, servers: [db-2] }',
        'workload:',
        '  rate: 100/s',
        '  clients: [client]',
        'faults:',
        '  - { at: 0s, for: 2s, partition: [[db-1], [db-2, client]] }',
        '  - { at: 1s, pause: { role: leader } }',
        'expect:',
        '  - single-leader',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty list on the key line and inserts into a flow map', () => {
    const edited = applyTextEdits(TEXT, [
      { path: ['faults'], value: [], block: true },
      { path: ['system', 'fencing'], value: 'epochs' },
    ]);
    expect(edited).toContain('faults: []\nexpect:');
    expect(parse(edited).system).toEqual({ model: 'leader-follower', servers: ['db-1', 'db-2'], fencing: 'epochs' });
  });

  it('falls back to printing the document again for a path it cannot edit in place, keeping the data', () => {
    const edited = applyTextEdits(TEXT, [{ path: ['faults', 1, 'at'], value: '3s' }]);
    expect(parse(edited).faults).toEqual([{ at: '1s', crash: 'db-1' }, { at: '3s' }]);
  });
});

describe('flowText', () => {
  it('writes strings plain where they read back the same, quoted otherwise', () => {
    const values = ['db-*', '*', 'a -> b', '-500ms', 'off', '1', 'true', 'null', 'x: y', 'a, b', '#c', '1.5s', '200ppm', ''];
    for (const value of values) expect(parse(flowText({ key: value })).key, value).toBe(value);
    expect(flowText({ at: '1.5s', link: 'a -> b', nodes: ['db-*'], p: 0.25, on: true })).toBe('{ at: 1.5s, link: a -> b, nodes: [db-*], p: 0.25, on: true }');
  });
});
