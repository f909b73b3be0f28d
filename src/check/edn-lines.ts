// A fast path for the commonest EDN history layout, one flat operation map per line, as Jepsen
// writes key-value histories (porcupine's kv files):
//   {:process 6, :type :invoke, :f :append, :key "0", :value "x 6 0 y"}
// One native regex per line instead of the general EDN reader, which a history runs once, mostly
// before the JIT has compiled it. Only when *every* line has exactly this shape (keys in this
// order, a numeric process, a plain string key, a value of nil, an integer or a string without
// escapes): anything else returns null and the caller reads the text with the general reader,
// which gives the same events for these lines (test/check/recorded.test.ts compares).

import type { HistoryEvent } from './history.js';

const LINE =
  /^\{:process (\d+), :type :(invoke|ok|fail|info), :f :([a-z][\w-]*), :key "([^"\\\n]*)", :value (nil|-?\d+|"[^"\\\n]*")\}$/;

/** The events of `text`, or null when some line is not a flat operation map of that shape. */
export function flatEdnLineEvents(text: string): HistoryEvent[] | null {
  const events: HistoryEvent[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    if (raw === '') continue;
    const match = LINE.exec(raw);
    if (match === null) return null;
    const valueText = match[5]!;
    const value = valueText === 'nil' ? null : valueText.startsWith('"') ? valueText.slice(1, -1) : Number(valueText);
    events.push({
      process: Number(match[1]),
      type: match[2] as HistoryEvent['type'],
      f: match[3]!,
      key: match[4]!,
      value,
      line: index + 1,
    });
  }
  return events.length === 0 ? null : events;
}
