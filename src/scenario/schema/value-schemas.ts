// The JSON Schema of each kind of value the scenario reader accepts (durations, rates, drifts,
// probabilities, node names and selections, links), built from the patterns the parsers in
// units.ts match with, so that the schema and the loader agree on what a `150ms` is. The loader
// trims text before matching: the patterns allow surrounding spaces.

import type { JsonSchema } from '../../model/config-reader.js';
import { DURATION_PATTERN, PERCENT_PATTERN, PPM_PATTERN, RATE_PATTERN } from '../units.js';

/** The pattern's body, without its anchors, allowing the spaces the loader trims. */
function trimmed(pattern: RegExp, prefix = ''): string {
  return `^\\s*${prefix}${pattern.source.replace(/^\^/, '').replace(/\$$/, '')}\\s*$`;
}

const NOT_NEGATIVE = '(?!-)';

/** A bare zero, as a number or as text: the one value a duration, rate or drift may give without its unit. */
const ZERO: JsonSchema = { anyOf: [{ const: 0 }, { type: 'string', pattern: '^\\s*[-+]?(?:0+(?:\\.0*)?|\\.0+)\\s*$' }] };

const DURATION_TEXT = trimmed(DURATION_PATTERN, NOT_NEGATIVE);

/** `ref('duration')`: a reference to one of the definitions below. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/$defs/${name}` };
}

/** Text, or a number YAML read where a name was meant (`region: 1`): the reader takes both as text. */
const TEXT: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'number' }] };

const ROLE: JsonSchema = {
  type: 'object',
  description: 'the nodes that hold a role of the system model when the fault fires',
  properties: { role: { type: 'string', description: 'a role the model declares, e.g. leader' } },
  required: ['role'],
  additionalProperties: false,
};

export function valueDefinitions(): Record<string, JsonSchema> {
  return {
    duration: {
      description: 'a duration such as 250ms, 1.5s, 2m (units us, ms, s, m, min, h); a bare number only for 0',
      anyOf: [{ type: 'string', pattern: DURATION_TEXT }, ZERO],
    },
    'signed-duration': {
      description: 'a duration that may be negative, e.g. -100ms',
      anyOf: [{ type: 'string', pattern: trimmed(DURATION_PATTERN) }, ZERO],
    },
    'duration-range': {
      description: 'a range of durations such as 10s..20s (uniform), or one duration',
      anyOf: [{ type: 'string', pattern: `^\\s*${NOT_NEGATIVE}[^.]*[^\\s.]\\s*\\.\\.\\s*[^\\s.].*$` }, ref('duration')],
    },
    ppm: {
      description: 'parts per million, e.g. 200ppm or -50ppm (a clock drift: 200ppm gains 0.2ms per second)',
      anyOf: [{ type: 'string', pattern: trimmed(PPM_PATTERN) }, ZERO],
    },
    rate: {
      description: 'a rate such as 200/s or 30/m',
      anyOf: [{ type: 'string', pattern: trimmed(RATE_PATTERN, NOT_NEGATIVE) }, ZERO],
    },
    probability: {
      description: 'a probability: a number from 0 to 1, or a percentage such as 5%',
      anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: trimmed(PERCENT_PATTERN, NOT_NEGATIVE) }],
    },
    text: TEXT,
    'node-name': { description: 'the name of one node', ...TEXT },
    'node-names': {
      description: 'a node name, a glob such as server-*, or a list of them',
      anyOf: [TEXT, { type: 'array', minItems: 1, items: TEXT }],
    },
    'node-selection': {
      description: 'a node name, a glob such as server-*, a list of them, or { role: leader }',
      anyOf: [TEXT, { type: 'array', minItems: 1, items: TEXT }, ROLE],
    },
    'single-node-selection': { description: 'one node name, or { role: leader }', anyOf: [TEXT, ROLE] },
    link: {
      description: 'a link: "a -> b" (one way) or "a <-> b" (both ways); each side a node name or glob (quote a *)',
      type: 'string',
      pattern: '^(?:[^<>]*\\S[^<>]*<->[^<>]*\\S[^<>]*|[^<>]*\\S[^<>]*->[^<>]*\\S[^<>]*)$',
    },
  };
}
