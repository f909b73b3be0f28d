// Ctrl-C (SIGINT) while a run simulates: the handler only sets a flag, which `run` checks between
// simulation slices, so nothing is written half-way and the command ends with exit code 130. A
// second Ctrl-C ends the process at once. Outside `interruptible` Ctrl-C keeps Node's default (the
// process ends at once); `sweep` handles it itself (src/cli/sweep-run.ts).

let requested = false;

export async function interruptible<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (): void => {
    if (requested) process.exit(130);
    requested = true;
  };
  process.on('SIGINT', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
  }
}

export function interruptRequested(): boolean {
  return requested;
}
