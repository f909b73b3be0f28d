// Plain YAML data as one line of flow YAML, in the style of the shipped scenarios: maps padded
// (`{ at: 8s, crash: db-1 }`), lists not (`[[db-1, client-1], [db-2]]`), strings plain where the
// text reads back as the same string and double-quoted otherwise (`"db-*"`). Pure.

import { parse } from 'yaml';

export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${scalarText(key)}: ${flowText(item)}`).join(', ')} }`;
  }
  return scalarText(value);
}

const PLAIN_SAFE = /^[^\s,[\]{}#&*!|>'"%@`?:-][^,[\]{}#]*$|^-[^\s,[\]{}#][^,[\]{}#]*$/;

function scalarText(value: unknown): string {
  if (typeof value === 'string') return isPlainSafe(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(String(value));
}

/** Written plain, the text reads back as this same string (not a number, a boolean, a null). */
function isPlainSafe(text: string): boolean {
  if (!PLAIN_SAFE.test(text) || /: |\s$/.test(text)) return false;
  try {
    return parse(`[${text}]`)?.[0] === text;
  } catch {
    return false;
  }
}
