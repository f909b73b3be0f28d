// Runs the loader's reading code on key recorders until every branch that depends on what the
// scenario says has been taken: from the baseline run, each key that was asked about with
// `has()` is answered absent, each section with several such keys is answered with one of them
// only ("exactly one of crash, pause, partition"), and each string with allowed words is answered
// with every other word (`kind: t-visibility`). Breadth first, bounded in depth and run count.

import { BASELINE, RecordingSession, type RecordingForcing } from './key-recorder.js';
import { childPath } from '../yaml-config-reader.js';

/** The code under study: reads its sections from `session.reader(path)`. */
export type RecordingRun = (session: RecordingSession) => void | Promise<void>;

export interface ExplorationRun {
  readonly forcing: RecordingForcing;
  /** What the code asked for with default values. */
  readonly session: RecordingSession;
  /** The same forcing with other values (variant 1): a default that changes here is computed. */
  readonly variant: RecordingSession;
  /** Index of the run this one was derived from; null for the baseline. */
  readonly parent: number | null;
  /** The string answer this run changed from its parent's, if that is how it was derived. */
  readonly via: { readonly path: string; readonly value: string } | null;
}

export interface ExplorationLimits {
  /** Forcings on top of the baseline. */
  readonly depthMax: number;
  readonly runCountMax: number;
}

const DEFAULT_LIMITS: ExplorationLimits = { depthMax: 3, runCountMax: 600 };

export async function explore(run: RecordingRun, limits: ExplorationLimits = DEFAULT_LIMITS): Promise<ExplorationRun[]> {
  const runs: ExplorationRun[] = [];
  const seen = new Set<string>();
  const queue: { forcing: RecordingForcing; parent: number | null; via: ExplorationRun['via'] }[] = [{ forcing: BASELINE, parent: null, via: null }];
  seen.add(forcingKey(BASELINE));
  while (queue.length > 0 && runs.length < limits.runCountMax) {
    const next = queue.shift()!;
    const session = await runOn(run, next.forcing);
    const variant = await runOn(run, { ...next.forcing, variant: 1 });
    runs.push({ ...next, session, variant });
    if (depthOf(next.forcing) >= limits.depthMax) continue;
    for (const child of derivedForcings(session, next.forcing)) {
      const key = forcingKey(child.forcing);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ ...child, parent: runs.length - 1 });
    }
  }
  return runs;
}

async function runOn(run: RecordingRun, forcing: RecordingForcing): Promise<RecordingSession> {
  const session = new RecordingSession(forcing);
  try {
    await run(session);
  } catch {
    // Reading code may trip over the neutral values; what it recorded until then still counts.
  }
  return session;
}

function derivedForcings(session: RecordingSession, forcing: RecordingForcing): { forcing: RecordingForcing; via: ExplorationRun['via'] }[] {
  const derived: { forcing: RecordingForcing; via: ExplorationRun['via'] }[] = [];
  for (const section of session.sections.values()) {
    const asked = [...section.asked];
    for (const key of asked) {
      const path = childPath(section.path, key);
      if (!forcing.absent.includes(path)) derived.push({ forcing: { ...forcing, absent: [...forcing.absent, path] }, via: null });
      if (asked.length > 1 && forcing.solo[section.path] === undefined) {
        derived.push({ forcing: { ...forcing, solo: { ...forcing.solo, [section.path]: key } }, via: null });
      }
    }
    for (const [key, record] of section.keys) {
      const path = childPath(section.path, key);
      if (record.oneOf === undefined || forcing.strings[path] !== undefined) continue;
      for (const value of record.oneOf) {
        if (value === section.answers.get(key)) continue;
        derived.push({ forcing: { ...forcing, strings: { ...forcing.strings, [path]: value } }, via: { path, value } });
      }
    }
  }
  return derived;
}

function depthOf(forcing: RecordingForcing): number {
  return forcing.absent.length + Object.keys(forcing.solo).length + Object.keys(forcing.strings).length;
}

function forcingKey(forcing: RecordingForcing): string {
  const sorted = (record: Readonly<Record<string, string>>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([[...forcing.absent].sort(), sorted(forcing.solo), sorted(forcing.strings)]);
}
