// The real histories in ../shared/testdata (see its README): Knossos and porcupine kv files have
// known verdicts; each etcd log must get a definite verdict. Skipped when the folder is absent.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLinearizability, createModel, readHistory, type CheckResult } from '../../src/check/index.js';

const testdata = new URL('../../../shared/testdata/', import.meta.url);
const present = existsSync(testdata);
if (!present) console.log(`corpus tests skipped: ${testdata.pathname} is absent (it holds third-party histories)`);

function checkFile(url: URL, options: { witness?: boolean } = {}): CheckResult {
  const history = readHistory(readFileSync(url, 'utf8'));
  const model = createModel(history.suggestedModel, { initialValue: history.initialValue });
  return checkLinearizability(history.operations, model, { witness: options.witness ?? false });
}

function filesIn(folder: string): URL[] {
  const url = new URL(folder, testdata);
  return readdirSync(url)
    .filter((name) => !name.startsWith('.') && name !== 'LICENSE.md')
    .sort()
    .map((name) => new URL(name, url));
}

describe.skipIf(!present)('corpus: Knossos', () => {
  it('finds every cas-register/good history valid', () => {
    for (const file of filesIn('knossos/cas-register/good/')) expect(checkFile(file).verdict, file.pathname).toBe('linearizable');
  });
  it('finds every cas-register/bad history invalid, with a witness', () => {
    for (const file of filesIn('knossos/cas-register/bad/')) {
      const result = checkFile(file, { witness: true });
      expect(result.verdict, file.pathname).toBe('not-linearizable');
      expect(result.witness?.operations.length, file.pathname).toBeGreaterThan(0);
    }
  });
  it('finds the multi-register history valid', () => {
    const [file] = filesIn('knossos/multi-register/good/');
    expect(checkFile(file).verdict).toBe('linearizable');
  });
});

describe.skipIf(!present)('corpus: porcupine kv', () => {
  it.each(['c01', 'c10', 'c50'])('%s: the ok history is linearizable, the bad one is not', (clients) => {
    expect(checkFile(new URL(`porcupine/kv/${clients}-ok.txt`, testdata)).verdict).toBe('linearizable');
    expect(checkFile(new URL(`porcupine/kv/${clients}-bad.txt`, testdata)).verdict).toBe('not-linearizable');
  });
});

/** Porcupine's own test suite expects these etcd runs to be linearizable, and the rest not. */
const ETCD_LINEARIZABLE = [2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101, 102];

describe.skipIf(!present)('corpus: porcupine etcd (Jepsen logs)', () => {
  it('gives every history a definite verdict: 23 linearizable, 79 not (plus the empty run 95)', () => {
    const linearizable: number[] = [];
    let notLinearizable = 0;
    for (const file of filesIn('porcupine/jepsen/')) {
      const number = Number(/etcd_(\d+)\.log$/.exec(file.pathname)?.[1]);
      if (number === 95) continue; // the run never started: an empty history
      const result = checkFile(file);
      expect(result.verdict, file.pathname).not.toBe('unknown');
      if (result.verdict === 'linearizable') linearizable.push(number);
      else notLinearizable += 1;
    }
    expect(linearizable).toEqual(ETCD_LINEARIZABLE);
    expect(notLinearizable).toBe(79);
  });
});
