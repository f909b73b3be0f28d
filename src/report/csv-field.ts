// One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break; empty for null.

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
