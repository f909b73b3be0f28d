// Reading the HTML report back in tests: the report's own, regular markup (double-quoted
// attributes, one element per mark) is picked apart with patterns; the browser test
// (run-html-browser.test.ts) checks the same counts in a real DOM.

/** The text of the first <svg class="…"> … </svg> of that class. */
export function svgOf(html: string, className: string): string {
  const start = html.indexOf(`<svg class="${className}"`);
  if (start === -1) return '';
  return html.slice(start, html.indexOf('</svg>', start) + '</svg>'.length);
}

/** Values of `attribute` on elements whose whole class attribute matches `classPattern` (a regex source). */
export function attributeValues(markup: string, classPattern: string, attribute: string): string[] {
  const pattern = new RegExp(`<[a-z]+ class="${classPattern}"[^>]*? ${attribute}="([^"]*)"`, 'g');
  return [...markup.matchAll(pattern)].map((match) => match[1]!);
}

export function countOf(markup: string, text: string): number {
  return markup.split(text).length - 1;
}
