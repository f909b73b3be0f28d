// Parses the value lists of a sweep: `--vary path=v1,v2,...` items, numeric ranges with a step
// (`0..0.1:0.02`, `50ms..200ms:50ms`) and seed lists (`1..200`, `200` meaning 1..200, `1,5,9`).
// Pure: strings in, either values or an error message out. Everything is bounded so that a typo
// (`1..1e9`) is a reported mistake, not an out-of-memory crash.

/** The most values one list (or one seed list) may expand to. */
export const VALUE_COUNT_MAX = 10_000;
export const SEED_COUNT_MAX = 1_000_000;
/** Seeds are unsigned 32-bit integers, as in the scenario's own `seed:`. */
export const SEED_VALUE_MAX = 2 ** 32 - 1;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** `a,b,{x: 1, y: 2},[1,2]` -> items split at commas outside brackets, braces and quotes. */
export function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (char === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(text.slice(start).trim());
  return items;
}

const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)([A-Za-z/%]*)$/;
const RANGE = /^(.+?)\.\.(.+?)(?::(.+))?$/;

/** Number of decimals written in a plain decimal string ("0.02" -> 2). */
function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

interface NumberWithUnit {
  readonly value: number;
  readonly unit: string;
  readonly decimals: number;
}

function numberWithUnit(text: string): NumberWithUnit | null {
  const match = NUMBER_WITH_UNIT.exec(text.trim());
  if (match === null) return null;
  return { value: Number(match[1]), unit: match[2], decimals: decimalsOf(match[1]) };
}

/**
 * `start..end` (step 1) or `start..end:step`, inclusive of `end` when the steps land on it.
 * Values are computed as start + i*step and rounded to the decimals written, so 0..0.1:0.02 gives
 * 0, 0.02, 0.04, 0.06, 0.08, 0.1 exactly, not 0.06000000000000001.
 */
export function expandRange(text: string): Parsed<string[]> | null {
  const match = RANGE.exec(text.trim());
  if (match === null) return null;
  const start = numberWithUnit(match[1]);
  const end = numberWithUnit(match[2]);
  const step = match[3] === undefined ? { value: 1, unit: start?.unit ?? '', decimals: 0 } : numberWithUnit(match[3]);
  if (start === null || end === null || step === null) {
    return fail(`"${text}" is not a range; write start..end or start..end:step, e.g. 0..0.1:0.02 or 50ms..200ms:50ms`);
  }
  if (start.unit !== end.unit || (match[3] !== undefined && step.unit !== start.unit)) {
    return fail(`"${text}": start, end and step must have the same unit`);
  }
  if (step.value <= 0) return fail(`"${text}": the step must be greater than 0`);
  if (end.value < start.value) return fail(`"${text}": the end is smaller than the start`);
  const decimals = Math.max(start.decimals, end.decimals, step.decimals);
  const count = Math.floor((end.value - start.value) / step.value + 1e-9) + 1;
  if (count > VALUE_COUNT_MAX) return fail(`"${text}" has ${count} values; at most ${VALUE_COUNT_MAX} are allowed`);
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = Number((start.value + i * step.value).toFixed(decimals));
    values.push(`${value}${start.unit}`);
  }
  return ok(values);
}

/** A comma-separated list of values and ranges -> the values, in the order written. */
export function parseValueList(text: string): Parsed<string[]> {
  const values: string[] = [];
  for (const item of splitTopLevel(text)) {
    if (item === '') return fail(`empty value in "${text}"`);
    const range = expandRange(item);
    if (range !== null && !range.ok) return range;
    values.push(...(range === null ? [item] : range.value));
    if (values.length > VALUE_COUNT_MAX) return fail(`more than ${VALUE_COUNT_MAX} values in "${text}"`);
  }
  return checkDistinct(values);
}

export function checkDistinct(values: readonly string[]): Parsed<string[]> {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return fail(`the value ${value} appears twice`);
    seen.add(value);
  }
  return ok([...values]);
}

/** `path=v1,v2` -> the path text and its values. */
export function parseVaryOption(text: string): Parsed<{ path: string; values: string[] }> {
  const equals = text.indexOf('=');
  if (equals <= 0) return fail(`expected path=values, e.g. workload.timeout=50ms,100ms or network.loss=0..0.1:0.02`);
  const values = parseValueList(text.slice(equals + 1));
  if (!values.ok) return values;
  return ok({ path: text.slice(0, equals).trim(), values: values.value });
}

/** `200` (seeds 1..200), `1..200`, `1..200:5`, `1,5,9`, `1..10,42`: distinct seeds in the order written. */
export function parseSeedList(text: string): Parsed<number[]> {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const count = Number(trimmed);
    if (count < 1 || count > SEED_COUNT_MAX) return fail(`--seeds ${trimmed}: the number of seeds must be from 1 to ${SEED_COUNT_MAX}`);
    return ok(Array.from({ length: count }, (_, i) => i + 1));
  }
  const seeds: number[] = [];
  for (const item of splitTopLevel(trimmed)) {
    const range = expandRange(item);
    if (range !== null && !range.ok) return range;
    const texts = range === null ? [item] : range.value;
    for (const seedText of texts) {
      if (!/^\d+$/.test(seedText) || Number(seedText) > SEED_VALUE_MAX) {
        return fail(`seed "${seedText}" is not a whole number from 0 to ${SEED_VALUE_MAX}`);
      }
      seeds.push(Number(seedText));
    }
    if (seeds.length > SEED_COUNT_MAX) return fail(`more than ${SEED_COUNT_MAX} seeds`);
  }
  if (new Set(seeds).size !== seeds.length) return fail(`a seed appears twice in "${text}"`);
  return ok(seeds);
}
