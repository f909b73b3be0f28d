// Units in scenario text: durations (`250ms`, `1.5s`), rates (`200/s`), percentages and duration
// ranges (`10s..20s`), parsed to integer microseconds / events per second. Pure functions over
// plain values: no YAML, no locations (callers attach those), no I/O.

/** A parsed value, or why it could not be parsed. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

export const US_PER_MS = 1_000;
export const US_PER_S = 1_000_000;
export const US_PER_M = 60 * US_PER_S;
export const US_PER_H = 60 * US_PER_M;

const US_PER_UNIT: Readonly<Record<string, number>> = {
  us: 1,
  µs: 1,
  ms: US_PER_MS,
  s: US_PER_S,
  m: US_PER_M,
  min: US_PER_M,
  h: US_PER_H,
};

export const DURATION_PATTERN = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(us|µs|ms|s|min|m|h)$/;
export const RATE_PATTERN = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*\/\s*(s|sec|m|min)$/;
export const PERCENT_PATTERN = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(message: string, hint?: string): Parsed<T> {
  return hint === undefined ? { ok: false, message } : { ok: false, message, hint };
}

/** How a plain value reads in a message: `"fast"`, `12`, `a list`, `a map`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

/** A non-negative duration in integer microseconds (rounded). A bare number is only allowed for 0. */
export function parseDurationUs(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    if (value === 0) return ok(0);
    return fail(`a duration needs a unit, got ${value}`, 'add a unit, e.g. 250ms');
  }
  if (typeof value !== 'string') {
    return fail(`expected a duration such as 250ms, got ${describeValue(value)}`);
  }
  const text = value.trim();
  if (/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) {
    if (Number(text) === 0) return ok(0);
    return fail(`a duration needs a unit, got ${JSON.stringify(value)}`, 'add a unit, e.g. 250ms');
  }
  const match = DURATION_PATTERN.exec(text);
  if (!match) {
    return fail(`expected a duration such as 250ms, got ${describeValue(value)}`, 'units: us, ms, s, m, h');
  }
  const amount = Number(match[1]);
  if (amount < 0) return fail(`a duration must not be negative, got ${text}`);
  const us = Math.round(amount * US_PER_UNIT[match[2]]);
  if (!Number.isSafeInteger(us)) return fail(`duration ${text} is too large`);
  return ok(us);
}

/** A duration that may be negative (`-100ms`: a clock stepped back), in integer microseconds. */
export function parseSignedDurationUs(value: unknown): Parsed<number> {
  const text = typeof value === 'string' ? value.trim() : value;
  if (typeof text === 'string' && text.startsWith('-')) {
    const magnitude = parseDurationUs(text.slice(1));
    return magnitude.ok ? ok(-magnitude.value) : magnitude;
  }
  return parseDurationUs(typeof text === 'string' && text.startsWith('+') ? text.slice(1) : text);
}

export const PPM_PATTERN = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*ppm$/;

/** Parts per million (`200ppm`, `-50ppm`; a bare 0), for clock drift: 200ppm gains 0.2 ms per second. */
export function parsePpm(value: unknown): Parsed<number> {
  if (value === 0) return ok(0);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(`expected a drift such as 200ppm, got ${value}`);
    return fail(`a drift needs its unit, got ${value}`, `write it in parts per million, e.g. ${value}ppm`);
  }
  if (typeof value !== 'string') return fail(`expected a drift such as 200ppm, got ${describeValue(value)}`);
  const match = PPM_PATTERN.exec(value.trim());
  if (!match) return fail(`expected a drift such as 200ppm or -50ppm, got ${describeValue(value)}`, 'the unit is ppm (parts per million)');
  return ok(Number(match[1]));
}

/** A rate such as `200/s` or `30/m`, in events per second. */
export function parseRatePerSecond(value: unknown): Parsed<number> {
  if (value === 0) return ok(0);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(`expected a rate such as 200/s, got ${value}`);
    return fail(`a rate needs a unit, got ${value}`, `write it per second or per minute, e.g. ${value}/s`);
  }
  if (typeof value !== 'string') return fail(`expected a rate such as 200/s, got ${describeValue(value)}`);
  const match = RATE_PATTERN.exec(value.trim());
  if (!match) return fail(`expected a rate such as 200/s or 30/m, got ${describeValue(value)}`);
  const amount = Number(match[1]);
  if (amount < 0) return fail(`a rate must not be negative, got ${value}`);
  const perSecond = match[2] === 's' || match[2] === 'sec' ? amount : amount / 60;
  return ok(perSecond);
}

/** A probability: a number in [0, 1] or a percentage such as `5%`. */
export function parseProbability(value: unknown): Parsed<number> {
  let probability: number;
  if (typeof value === 'number') {
    probability = value;
  } else if (typeof value === 'string' && PERCENT_PATTERN.test(value.trim())) {
    probability = Number(PERCENT_PATTERN.exec(value.trim())![1]) / 100;
  } else {
    return fail(`expected a probability between 0 and 1, got ${describeValue(value)}`, 'e.g. 0.01 or 1%');
  }
  if (!(probability >= 0 && probability <= 1)) {
    return fail(`a probability must be between 0 and 1, got ${typeof value === 'string' ? value : probability}`);
  }
  return ok(probability);
}

/** A percentage such as `95%` as a fraction (0.95), or null when the text is not a percentage. */
export function parsePercent(text: string): number | null {
  const match = PERCENT_PATTERN.exec(text.trim());
  return match ? Number(match[1]) / 100 : null;
}

export interface DurationRangeUs {
  readonly minUs: number;
  readonly maxUs: number;
}

/** `10s..20s` (min <= max) or a single duration (min = max). */
export function parseDurationRangeUs(value: unknown): Parsed<DurationRangeUs> {
  if (typeof value === 'string' && value.includes('..')) {
    const [minText, maxText, ...rest] = value.split('..');
    if (rest.length > 0) return fail(`expected a range such as 10s..20s, got ${describeValue(value)}`);
    const min = parseDurationUs(minText.trim());
    if (!min.ok) return min;
    const max = parseDurationUs(maxText.trim());
    if (!max.ok) return max;
    if (min.value > max.value) {
      return fail(`a range must not end before it starts: ${value}`, `write ${maxText.trim()}..${minText.trim()}`);
    }
    return ok({ minUs: min.value, maxUs: max.value });
  }
  const single = parseDurationUs(value);
  if (!single.ok) {
    return fail(single.message.replace('expected a duration', 'expected a duration or a range'), single.hint ?? 'e.g. 10s..20s');
  }
  return ok({ minUs: single.value, maxUs: single.value });
}

export { formatDuration } from '../model/describe.js';
