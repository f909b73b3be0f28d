// The sweep's progress line on a terminal, in ora's look: a spinner, a bar, runs done of all,
// failures so far, runs per second and the ETA. Nothing on a pipe or in CI (see terminal.ts).
// Wall-clock time belongs here in the CLI: it never reaches a result.

import type { CliIo } from './cli-io.js';
import { canShowProgress, spinnerOptions } from './terminal.js';

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;

export interface ProgressCounts {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly elapsedMs: number;
}

/** `▕██████░░░░▏ 57/200 runs · 2 failed · 3.1 runs/s · ETA 46s` (pure, for tests). */
export function progressText(counts: ProgressCounts): string {
  const fraction = counts.total === 0 ? 1 : counts.done / counts.total;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `▕${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}▏`;
  const parts = [`${bar} ${counts.done}/${counts.total} runs`, `${counts.failed} failed`];
  if (counts.done > 0 && counts.elapsedMs > 0) {
    const runsPerSecond = counts.done / (counts.elapsedMs / 1000);
    parts.push(`${runsPerSecond.toFixed(1)} runs/s`);
    parts.push(`ETA ${formatEta((counts.total - counts.done) / runsPerSecond)}`);
  }
  return parts.join(' · ');
}

export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

export interface SweepProgress {
  update(done: number, failed: number): void;
  stop(): void;
}

/** A progress display, or one that does nothing when progress is not wanted. */
export async function startSweepProgress(io: CliIo, total: number, label: string): Promise<SweepProgress> {
  if (!canShowProgress(io)) return { update: () => {}, stop: () => {} };
  const { default: ora } = await import('ora');
  const startedMs = performance.now();
  const spinner = ora({ ...spinnerOptions(io), text: `${label} ${progressText({ done: 0, total, failed: 0, elapsedMs: 0 })}` }).start();
  let drawnMs = 0;
  return {
    update(done, failed) {
      const nowMs = performance.now();
      if (nowMs - drawnMs < REDRAW_INTERVAL_MS && done < total) return;
      drawnMs = nowMs;
      spinner.text = `${label} ${progressText({ done, total, failed, elapsedMs: nowMs - startedMs })}`;
    },
    stop() {
      spinner.stop();
    },
  };
}
