import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flatEdnLineEvents } from '../../src/check/edn-lines.js';
import { checkRecordedHistory, parseEdn, readHistory, type RecordedOperation } from '../../src/check/index.js';

describe('checkRecordedHistory (the bridge for the `linearizable` expectation)', () => {
  it('checks a kv history recorded by a model, per key', () => {
    const records: RecordedOperation[] = [
      { process: 'client-1', type: 'invoke', f: 'put', key: 'k', value: 'a', timeUs: 0 },
      { process: 'client-2', type: 'invoke', f: 'get', key: 'k', timeUs: 5 },
      { process: 'client-1', type: 'ok', f: 'put', key: 'k', value: 'a', timeUs: 10 },
      { process: 'client-2', type: 'ok', f: 'get', key: 'k', value: '', timeUs: 10 },
      { process: 'client-2', type: 'invoke', f: 'get', key: 'k', timeUs: 20 },
      { process: 'client-2', type: 'ok', f: 'get', key: 'k', value: 'a', timeUs: 30 },
    ];
    expect(checkRecordedHistory(records, 'kv').verdict).toBe('linearizable');
    const stale = records.map((record, index) => (index === 5 ? { ...record, value: '' } : record));
    expect(checkRecordedHistory(stale, 'kv').verdict).toBe('not-linearizable');
  });

  it('orders records stamped with the same time by their position (the true event order)', () => {
    const records: RecordedOperation[] = [
      { process: 1, type: 'invoke', f: 'write', value: 1, timeUs: 0 },
      { process: 1, type: 'ok', f: 'write', timeUs: 7 },
      { process: 2, type: 'invoke', f: 'read', timeUs: 7 },
      { process: 2, type: 'ok', f: 'read', value: null, timeUs: 9 },
    ];
    expect(checkRecordedHistory(records, 'register').verdict).toBe('not-linearizable');
  });

  it('reads a failed cas as a compare that did not match, and info as unknown', () => {
    const records: RecordedOperation[] = [
      { process: 1, type: 'invoke', f: 'cas', value: [5, 6], timeUs: 0 },
      { process: 1, type: 'fail', f: 'cas', timeUs: 1 },
      { process: 2, type: 'invoke', f: 'write', value: 5, timeUs: 2 },
      { process: 2, type: 'info', f: 'write', timeUs: 3 },
      { process: 3, type: 'invoke', f: 'read', timeUs: 4 },
      { process: 3, type: 'ok', f: 'read', value: 5, timeUs: 5 },
    ];
    expect(checkRecordedHistory(records, 'cas-register', { initialValue: 5 }).verdict).toBe('not-linearizable');
    expect(checkRecordedHistory(records, 'cas-register').verdict).toBe('linearizable');
  });
});

describe('reading history files', () => {
  it('reads EDN collections, comments, sets and tagged literals', () => {
    const [form] = parseEdn('[{:a 1, :b "x\\n"} ; comment\n #{1 2} #inst "2020" nil true -3 1.5]');
    expect(Array.isArray(form)).toBe(true);
    expect((form as unknown[]).slice(1)).toEqual([[1, 2], '2020', null, true, -3, 1.5]);
  });

  it('reads strings plain, escaped and across lines, and keeps counting lines after them', () => {
    const forms = parseEdn('"plain" "a\\"b\\\\c" "two\nlines" "é ü" "" :after\n{:x "y"}');
    expect(forms.slice(0, 5)).toEqual(['plain', 'a"b\\c', 'two\nlines', 'é ü', '']);
    expect((forms[6] as { line: number }).line).toBe(3);
    expect(() => parseEdn('"unterminated')).toThrow(expect.objectContaining({ name: 'EdnSyntaxError', line: 1 }));
  });

  // A trailing comment line is no flat operation map: the text then goes to the general reader.
  const generalReader = (text: string) => readHistory(`${text}\n; end\n`);
  it('reads one-map-per-line kv histories on a fast path that agrees with the general reader', () => {
    const lines = [
      '{:process 6, :type :invoke, :f :append, :key "0", :value "x 6 0 y"}',
      '{:process 12, :type :invoke, :f :get, :key "k;#{}", :value nil}',
      '',
      '{:process 6, :type :ok, :f :append, :key "0", :value "x 6 0 y"}',
      '{:process 12, :type :info, :f :get, :key "k;#{}", :value -7}',
      '{:process 3, :type :invoke, :f :put, :key "é", :value 007}',
      '{:process 3, :type :fail, :f :put, :key "é", :value ""}',
    ];
    const text = lines.join('\n');
    expect(flatEdnLineEvents(text)).not.toBeNull();
    expect(readHistory(text)).toEqual(generalReader(text));
    expect(readHistory(text).operations.map((operation) => operation.line)).toEqual([1, 2, 6]);
    for (const other of ['{:type :invoke, :process 0, :f :get, :key "a", :value nil}', '{:process 0, :type :invoke, :f :get, :key "a\\"b", :value nil}', `${lines[0]} `]) {
      expect(flatEdnLineEvents(`${text}\n${other}`)).toBeNull();
    }
  });
  const kvFolder = new URL('../../../shared/testdata/porcupine/kv/', import.meta.url);
  it.skipIf(!existsSync(kvFolder))('reads every shared kv history on the fast path, as the general reader does', () => {
    for (const name of readdirSync(kvFolder).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(new URL(name, kvFolder), 'utf8');
      expect(flatEdnLineEvents(text), name).not.toBeNull();
      expect(readHistory(text), name).toEqual(generalReader(text));
    }
  });

  it('detects the Knossos EDN conventions', () => {
    const history = readHistory(
      '[{:process 0, :type :invoke, :f :cas, :value [0 1]}\n {:process 0, :type :fail, :f :cas, :value [0 1]}]',
    );
    expect(history.format).toBe('knossos-edn');
    expect(history.initialValue).toBe(0);
    expect(history.operations[0].outcome).toBe('fail');
  });

  it('detects the etcd log conventions', () => {
    const history = readHistory(
      'INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2]\nINFO  jepsen.util - 0   :fail   :cas    [1 2]\n',
    );
    expect(history.format).toBe('jepsen-log');
    expect(history.initialValue).toBeNull();
    expect(history.operations[0]).toMatchObject({ outcome: 'ok', output: false, line: 1 });
  });

  it('reports where a file stops making sense', () => {
    expect(() => readHistory('[{:process 0, :type :invoke, :f :read}\n {:process 0 :type :ok')).toThrow(
      expect.objectContaining({ name: 'HistoryError', line: 2 }),
    );
  });
});
