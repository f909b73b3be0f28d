// Markdown for job summaries (GitHub renders them as GitHub-flavoured Markdown, HTML allowed):
// table cells with | and line breaks escaped and HTML neutralized, and code blocks whose fence
// is longer than any run of backticks inside.

export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

export function markdownCodeBlock(text: string, language = ''): string[] {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}${language}`, ...text.split('\n'), fence];
}

/** A collapsed section (HTML details) around some Markdown lines. */
export function markdownDetails(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${markdownCell(summary)}</summary>`, '', ...body, '', '</details>'];
}
