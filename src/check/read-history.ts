// Reads a history file's text: detects the format (Jepsen log lines or EDN), converts it to
// operations with that format's conventions, and suggests a model and initial value.
//
// Format conventions:
// - Jepsen log (etcd): cas-register, starts absent (nil); a read of nil means absent; `:fail :cas`
//   is a cas whose compare did not match; `:fail :read` did not happen; `:info` is unknown.
// - Knossos EDN (no :key): cas-register (multi-register when it has :txn), starts at 0; a read of
//   nil means the value is unknown; `:fail` (cas too) did not happen; `:info` is unknown.
// - Key-value EDN (ops with :key): kv, every key starts as ""; `:fail` did not happen.

import { eventsToOperations, HistoryError, type EventConventions, type HistoryEvent, type Operation } from './history.js';
import type { ModelName } from './models/index.js';
import { EdnSymbol, EdnSyntaxError, ednForms, ednGet, Keyword, type EdnMap, type EdnValue } from './parse-edn.js';
import { flatEdnLineEvents } from './edn-lines.js';
import { looksLikeJepsenLog, parseJepsenLog } from './parse-jepsen-log.js';

export type HistoryFormat = 'jepsen-log' | 'knossos-edn' | 'kv-edn';

export interface ParsedHistory {
  readonly format: HistoryFormat;
  readonly operations: readonly Operation[];
  /** The model this format's files are usually checked with. */
  readonly suggestedModel: ModelName;
  /** The format's convention for the initial value. */
  readonly initialValue: unknown;
}

const LOG_CONVENTIONS: EventConventions = { failedCas: 'compare-mismatch', nilRead: 'absent' };
const EDN_CONVENTIONS: EventConventions = { failedCas: 'no-effect', nilRead: 'unknown' };

/** Parses a history; throws HistoryError (with a line) when the text cannot be read. */
export function readHistory(text: string): ParsedHistory {
  if (looksLikeJepsenLog(text)) {
    const events = parseJepsenLog(text);
    return {
      format: 'jepsen-log',
      operations: eventsToOperations(events, LOG_CONVENTIONS),
      suggestedModel: 'cas-register',
      initialValue: null,
    };
  }
  const events = flatEdnLineEvents(text) ?? ednEvents(text);
  const operations = eventsToOperations(events, EDN_CONVENTIONS);
  if (events.some((event) => event.key !== undefined)) {
    return { format: 'kv-edn', operations, suggestedModel: 'kv', initialValue: '' };
  }
  const suggestedModel = events.some((event) => event.f === 'txn') ? 'multi-register' : 'cas-register';
  return { format: 'knossos-edn', operations, suggestedModel, initialValue: 0 };
}

function ednEvents(text: string): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let lastLine = 1;
  let formCount = 0;
  let wrapped: readonly EdnValue[] | null = null;
  const add = (item: EdnValue): void => {
    if (!isMap(item)) throw new HistoryError('expected an operation map {:process … :type … :f …}', lastLine, 1);
    lastLine = item.line;
    const event = ednEvent(item);
    if (event) events.push(event);
  };
  try {
    // Form by form (a history of one map per line is never held as EDN all at once), except a
    // single top-level vector, whose items are the operations.
    for (const form of ednForms(text)) {
      formCount += 1;
      if (formCount === 1 && Array.isArray(form)) {
        wrapped = form as readonly EdnValue[];
        continue;
      }
      if (wrapped !== null) {
        add(wrapped as unknown as EdnValue); // a vector followed by more forms: not a history
        wrapped = null;
      }
      add(form);
    }
  } catch (error) {
    if (error instanceof EdnSyntaxError) throw new HistoryError(error.message, error.line, error.column);
    throw error;
  }
  if (wrapped !== null) for (const item of wrapped) add(item);
  return events;
}

function isMap(value: EdnValue): value is EdnMap {
  return value !== null && typeof value === 'object' && 'kind' in value && value.kind === 'map';
}

const TYPES = new Set(['invoke', 'ok', 'fail', 'info']);

/** One operation map as an event; null for the nemesis and other non-client processes. */
function ednEvent(map: EdnMap): HistoryEvent | null {
  const process = ednGet(map, 'process');
  if (process instanceof Keyword) return null;
  if (typeof process !== 'number' && typeof process !== 'string') {
    throw new HistoryError('an operation needs a :process (a number)', map.line, 1);
  }
  const type = ednGet(map, 'type');
  if (!(type instanceof Keyword) || !TYPES.has(type.name)) {
    throw new HistoryError('an operation needs a :type of :invoke, :ok, :fail or :info', map.line, 1);
  }
  const f = ednGet(map, 'f');
  if (!(f instanceof Keyword) && typeof f !== 'string') {
    throw new HistoryError('an operation needs an :f such as :read', map.line, 1);
  }
  const key = ednGet(map, 'key');
  return {
    process,
    type: type.name as HistoryEvent['type'],
    f: f instanceof Keyword ? f.name : f,
    ...(key !== undefined && key !== null ? { key: plainKey(key) } : {}),
    value: plainValue(ednGet(map, 'value') ?? null),
    line: map.line,
  };
}

function plainKey(key: EdnValue): string {
  const value = plainValue(key);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** EDN data as plain values: keywords and symbols become their names. */
function plainValue(value: EdnValue): unknown {
  if (value instanceof Keyword || value instanceof EdnSymbol) return value.name;
  if (Array.isArray(value)) return value.map(plainValue);
  if (isMap(value as EdnValue)) {
    return Object.fromEntries((value as EdnMap).entries.map(([k, v]) => [String(plainValue(k)), plainValue(v)]));
  }
  return value;
}
