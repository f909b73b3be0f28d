// Helpers shared by the report tests: visible lines of rendered text.

import { stripAnsi, visibleLength } from '../../src/report/text-layout.js';

export const ANSI_ESCAPE = /\u001b\[/;

export function visibleLines(text: string): string[] {
  return stripAnsi(text).split('\n');
}

export function longestLine(text: string): number {
  return Math.max(...text.split('\n').map(visibleLength));
}
