// Escaping for the HTML report: every string that did not come from this code (scenario names,
// descriptions, fault labels, metric names, message bodies) goes through one of these before it
// is placed in text or in an attribute, so that no input can add markup or script.

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text content or a quoted attribute value (both quote characters are escaped too). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** A number as SVG coordinates want it: at most 2 decimals, no "-0", the same text everywhere. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
