// The top-level keys a scenario file may have, in one list, and the bounds on whole-scenario
// values. Later sections (`sweep`, `final`, `explore`) are added here and parsed in load-scenario.ts.

export const TOP_LEVEL_KEYS = [
  'name',
  'description',
  'seed',
  'duration',
  'limits',
  'nodes',
  'regions',
  'network',
  'clocks',
  'system',
  'workload',
  'faults',
  'expect',
  'sweep',
  'final',
  'explore',
] as const;

/**
 * The topology is bounded by per-node state (model instances, timeline lanes, reports), which grows
 * with N: at 10,000 nodes a scenario loads and sets up in well under a second and 150 MB. Link state
 * grows with the links overridden, changed or blocked, not N x N or the links used.
 */
export const NODE_COUNT_MAX = 10_000;

/** 30 days: long enough for any soak scenario, short enough to catch a unit mistake. */
export const DURATION_MAX_US = 30 * 24 * 3600 * 1_000_000;

export const EVENT_COUNT_MAX_DEFAULT = 100_000_000;
export const EVENT_COUNT_MAX_LIMIT = 10_000_000_000;

/** Events pending at once: far above what any scenario needs; a flood stopped here peaks near 400 MB. */
export const PENDING_EVENT_COUNT_MAX_DEFAULT = 2_000_000;
export const PENDING_EVENT_COUNT_MAX_LIMIT = 100_000_000;

/** Wall time one model callback may take (limits.callback-wall): far above any real callback's. */
export const CALLBACK_WALL_DEFAULT_US = 10 * 1_000_000;
export const CALLBACK_WALL_MAX_US = 24 * 3600 * 1_000_000;

/** Seeds are unsigned 32-bit integers (what the random streams are keyed with). */
export const SEED_MAX = 2 ** 32 - 1;
export const SEED_DEFAULT = 1;
