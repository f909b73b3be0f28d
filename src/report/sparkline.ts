// A one-row bar chart: each value becomes one of ▁▂▃▄▅▆▇█ scaled to the largest value, and 0 a
// blank, so that any non-zero value stays visible and quiet stretches stay empty.

export const SPARK_LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export function sparkGlyph(value: number, maxValue: number): string {
  if (!(value > 0) || !(maxValue > 0)) return ' ';
  const level = Math.ceil((value / maxValue) * SPARK_LEVELS.length);
  return SPARK_LEVELS[Math.min(SPARK_LEVELS.length, Math.max(1, level)) - 1];
}

export function sparkline(values: readonly number[]): { readonly glyphs: string[]; readonly maxValue: number } {
  const maxValue = values.reduce((max, value) => (Number.isFinite(value) && value > max ? value : max), 0);
  return { glyphs: values.map((value) => sparkGlyph(value, maxValue)), maxValue };
}
