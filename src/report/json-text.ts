// JSON text like JSON.stringify(value, null, 2), except that arrays holding only numbers,
// strings, booleans or null are written on one line: per-bucket series stay one line each
// instead of thousands. Same rules otherwise: object keys in insertion order, undefined object
// members dropped, undefined array items and non-finite numbers written as null.

const INDENT = '  ';

export function toJsonText(value: unknown): string {
  return write(value, '') ?? 'null';
}

function write(value: unknown, indent: string): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON(), indent);
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return writeArray(value, indent);
  if (value !== null && typeof value === 'object') return writeObject(value as Record<string, unknown>, indent);
  return JSON.stringify(value);
}

function writeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + INDENT;
  const texts = items.map((item) => write(item, inner) ?? 'null');
  if (items.every(isPrimitive)) return `[${texts.join(', ')}]`;
  return `[\n${texts.map((text) => inner + text).join(',\n')}\n${indent}]`;
}

function writeObject(object: Record<string, unknown>, indent: string): string {
  const inner = indent + INDENT;
  const members: string[] = [];
  for (const [key, item] of Object.entries(object)) {
    const text = write(item, inner);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${indent}}`;
}

function isPrimitive(item: unknown): boolean {
  return item === null || item === undefined || ['number', 'string', 'boolean', 'bigint'].includes(typeof item);
}
