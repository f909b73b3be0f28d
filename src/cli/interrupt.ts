// Ctrl-C (SIGINT) for long commands: the handler only sets a flag, which `run` checks between
// simulation slices and `sweep` between runs, so nothing is written half-way; the command then
// ends with exit code 130. A second Ctrl-C ends the process at once.

let requested = false;
let installed = false;

export function installInterruptHandler(onSecond: () => void): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => {
    if (requested) onSecond();
    requested = true;
  });
}

export function interruptRequested(): boolean {
  return requested;
}
