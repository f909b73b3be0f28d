// The report's colour palette, built from a chalk instance the report creates from the caller's
// boolean. With colour off every function returns its text unchanged, so the output carries no
// escape sequences; meaning never rests on colour alone (glyphs and words carry it too).

import { Chalk } from 'chalk';

export type Paint = (text: string) => string;

export interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly heading: Paint;
  readonly pass: Paint;
  readonly fail: Paint;
  readonly warning: Paint;
  readonly laneUp: Paint;
  readonly laneDown: Paint;
  readonly lanePaused: Paint;
  readonly laneCut: Paint;
  readonly faultMarker: Paint;
  readonly revertMarker: Paint;
  readonly failureBar: Paint;
}

export function createPalette(color: boolean): Palette {
  // Level 1 (16 colours) is enough and works on every colour terminal.
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    heading: (text) => chalk.bold.cyan(text),
    pass: (text) => chalk.bold.green(text),
    fail: (text) => chalk.bold.red(text),
    warning: (text) => chalk.bold.yellow(text),
    laneUp: (text) => chalk.green(text),
    laneDown: (text) => chalk.red(text),
    lanePaused: (text) => chalk.yellow(text),
    laneCut: (text) => chalk.magenta(text),
    faultMarker: (text) => chalk.bold.cyan(text),
    revertMarker: (text) => chalk.blue(text),
    failureBar: (text) => chalk.red(text),
  };
}
