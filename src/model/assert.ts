// Assertions for invariants that only a bug in ddsim could break. User mistakes are errors
// (src/errors/input-error.ts); violated expectations are data (src/run/). Never catch these.

export class AssertionError extends Error {
  constructor(message: string) {
    super(`ddsim internal error: ${message}`);
    this.name = 'AssertionError';
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}
