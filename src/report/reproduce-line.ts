// "Reproduce: <command>", wrapped at argument boundaries with shell line continuations so that
// it fits the terminal and still pastes into a shell as one command.

import type { Palette } from './style.js';
import { visibleLength } from './text-layout.js';

const LEAD = 'Reproduce: ';
const CONTINUATION = ' \\';
const CONTINUED_INDENT = '    ';

/** Splits a command at spaces outside single or double quotes. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (const character of command) {
    if (quote !== null) {
      if (character === quote) quote = null;
      word += character;
    } else if (character === "'" || character === '"') {
      quote = character;
      word += character;
    } else if (character === ' ') {
      if (word !== '') words.push(word);
      word = '';
    } else {
      word += character;
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/** Words, with an option and its value kept together ("--seed 42"), so a break never parts them. */
function breakUnits(command: string): string[] {
  const units: string[] = [];
  for (const word of shellWords(command)) {
    const previous = units[units.length - 1];
    const previousIsBareOption = previous !== undefined && /^--?[A-Za-z][\w-]*$/.test(previous);
    if (previousIsBareOption && !word.startsWith('-')) units[units.length - 1] = `${previous} ${word}`;
    else units.push(word);
  }
  return units;
}

export function renderReproduce(command: string, widthColumns: number, palette: Palette): string[] {
  const lines: string[] = [];
  let line = '';
  let prefixWidth = LEAD.length;
  for (const word of breakUnits(command)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && prefixWidth + visibleLength(candidate) + CONTINUATION.length > widthColumns) {
      lines.push(line + CONTINUATION);
      line = word;
      prefixWidth = CONTINUED_INDENT.length;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines.map((text, index) => (index === 0 ? palette.bold(LEAD) + text : CONTINUED_INDENT + text));
}
