// The exact command line that reproduces a run.

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function reproduceCommand(file: string, seed: number, sets: readonly string[]): string {
  const words = ['ddsim', 'run', file, '--seed', String(seed)];
  for (const set of sets) words.push('--set', set);
  return words.map(shellQuote).join(' ');
}
