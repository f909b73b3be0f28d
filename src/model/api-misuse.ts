// The error the simulator throws when a model calls the API wrongly (a delay that is not a
// finite number >= 0, an unknown node, a metric value that is not a finite number). It is the
// model's bug, not ddsim's: the CLI reports it with the node and simulated time and exits 4.

export class ModelApiMisuse extends Error {
  constructor(call: string, problem: string) {
    super(`${call}: ${problem}`);
    this.name = 'ModelApiMisuse';
  }
}

/** Describes a bad value for a message: `undefined`, `NaN`, `"10ms"` (a string), ... */
export function describeBadValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}" (a string)`;
  return String(value);
}
