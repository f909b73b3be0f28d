// Node clocks as a scenario declares them (`clocks:`), resolved per node: plain data, produced by
// the scenario loader and read by the clock table. Drift is in parts per million (200 ppm: the
// clock gains 0.2 ms per second of true time); offsets and errors in microseconds, may be negative.

/** A drift, or how each node's drift is drawn (once per node, from `clocks/drift/<node>`). */
export type DriftSpec =
  | { readonly kind: 'constant'; readonly ppm: number }
  | { readonly kind: 'uniform'; readonly minPpm: number; readonly maxPpm: number }
  | { readonly kind: 'normal'; readonly meanPpm: number; readonly stddevPpm: number };

/** A signed amount of time drawn per synchronization (the error NTP leaves). */
export type SyncErrorSpec =
  | { readonly kind: 'constant'; readonly valueUs: number }
  | { readonly kind: 'uniform'; readonly minUs: number; readonly maxUs: number }
  | { readonly kind: 'normal'; readonly meanUs: number; readonly stddevUs: number };

export type SyncMode = 'step' | 'slew';

export interface SyncSpec {
  /** True time between a node's synchronizations; the first comes at a per-node phase in (0, every]. */
  readonly everyUs: number;
  /** The offset a synchronization leaves the clock with. */
  readonly error: SyncErrorSpec;
  /** `step` sets the clock at once (it may go backwards); `slew` runs it faster or slower until it agrees. */
  readonly mode: SyncMode;
  /** How far slewing may change the clock's rate. */
  readonly maxSlewPpm: number;
}

/** One node's clock before the run starts. */
export interface NodeClockSpec {
  readonly drift: DriftSpec;
  /** The time-of-day clock's offset from true time at time 0. */
  readonly offsetUs: number;
  /** Whether this node synchronizes (when the scenario has `sync`). */
  readonly syncs: boolean;
}

export interface ClocksSpec {
  /** Per node, in topology order. */
  readonly nodes: readonly NodeClockSpec[];
  readonly sync: SyncSpec | null;
}

/** Drift beyond ±10% is no quartz clock (and -100% would stop it): drawn values are clamped to it. */
export const DRIFT_PPM_MAX = 100_000;

export const PERFECT_DRIFT: DriftSpec = { kind: 'constant', ppm: 0 };

/** Clocks equal to true time, never synchronized: the default. */
export function perfectClocks(nodeCount: number): ClocksSpec {
  const perfect: NodeClockSpec = { drift: PERFECT_DRIFT, offsetUs: 0, syncs: false };
  return { nodes: Array.from({ length: nodeCount }, () => perfect), sync: null };
}

/** Whether every clock starts and stays equal to true time (no clock fault considered). */
export function clocksArePerfect(spec: ClocksSpec): boolean {
  return spec.sync === null && spec.nodes.every((node) => node.offsetUs === 0 && node.drift.kind === 'constant' && node.drift.ppm === 0);
}
