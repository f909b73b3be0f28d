// Failure detector settings as a scenario writes them (`detector: { kind: ... }`), read through a
// ConfigReader so that mistakes are located errors. Shared by every model that monitors nodes
// (heartbeat, the request-response balancer). Must not depend on the simulator or a model.

import type { ConfigReader } from '../../config-reader.js';

export type DetectorKind = 'timeout' | 'phi-accrual' | 'health-check';
export const DETECTOR_KINDS: readonly DetectorKind[] = ['timeout', 'phi-accrual', 'health-check'];

interface DetectorCommon {
  /** The monitor probes each target this often (a ping answered by a pong: the heartbeat). */
  readonly intervalUs: number;
  /** Suspect a target at once when a probe finds its host refusing connections. */
  readonly suspectOnRefused: boolean;
}

/** Suspect when nothing was heard from the target for `timeoutUs`. */
export interface TimeoutDetectorConfig extends DetectorCommon {
  readonly kind: 'timeout';
  readonly timeoutUs: number;
}

/** Akka's phi accrual detector; the defaults are Akka's. */
export interface PhiAccrualDetectorConfig extends DetectorCommon {
  readonly kind: 'phi-accrual';
  readonly threshold: number;
  readonly acceptablePauseUs: number;
  readonly minStdDeviationUs: number;
  readonly maxSampleSize: number;
}

/** A load balancer's health check: each probe times out on its own; runs of failures/successes flip the state. */
export interface HealthCheckDetectorConfig extends DetectorCommon {
  readonly kind: 'health-check';
  /** A probe without an answer after this long failed. At most the interval. */
  readonly timeoutUs: number;
  /** Consecutive failed probes before the target is suspected. */
  readonly unhealthyAfter: number;
  /** Consecutive answered probes before a suspected target is trusted again. */
  readonly healthyAfter: number;
}

export type DetectorConfig = TimeoutDetectorConfig | PhiAccrualDetectorConfig | HealthCheckDetectorConfig;

const SECOND_US = 1_000_000;
const PROBE_INTERVAL_MIN_US = 1000;

/** Monitor-target pairs a run may watch: each holds probe state (and a phi history). */
export const MONITORED_PAIR_COUNT_MAX = 250_000;
/** Inter-arrival samples all phi histories together may hold (8 bytes each: 400 MB at most). */
export const PHI_SAMPLE_COUNT_MAX = 50_000_000;

/** Why watching `pairCount` pairs with this detector would take too much memory, or null. */
export function monitoringBoundProblem(pairCount: number, detector: DetectorConfig): string | null {
  if (pairCount > MONITORED_PAIR_COUNT_MAX) {
    return `${pairCount.toLocaleString('en-US')} monitor-target pairs is more than ${MONITORED_PAIR_COUNT_MAX.toLocaleString('en-US')}`;
  }
  if (detector.kind === 'phi-accrual' && pairCount * detector.maxSampleSize > PHI_SAMPLE_COUNT_MAX) {
    return (
      `${pairCount.toLocaleString('en-US')} pairs × max-samples ${detector.maxSampleSize} would keep ` +
      `${(pairCount * detector.maxSampleSize).toLocaleString('en-US')} heartbeat samples (at most ${PHI_SAMPLE_COUNT_MAX.toLocaleString('en-US')})`
    );
  }
  return null;
}

/** Reads a `detector:` section. `defaultKind` applies when `kind` is absent (e.g. `health-check:`). */
export function parseDetectorConfig(reader: ConfigReader, defaultKind?: DetectorKind): DetectorConfig {
  const kind = reader.string('kind', {
    ...(defaultKind ? { default: defaultKind } : {}),
    oneOf: DETECTOR_KINDS,
    description: 'timeout, phi-accrual (Akka) or health-check (a load balancer)',
  }) as DetectorKind;
  const intervalUs = reader.duration('interval', { default: SECOND_US, min: PROBE_INTERVAL_MIN_US, description: 'the monitor probes each target this often' });
  const suspectOnRefused = reader.boolean('suspect-on-refused', { default: false, description: 'suspect a target at once when its host refuses connections' });
  const written = reader.has('kind') ? reader.raw('kind') : kind;
  if (!DETECTOR_KINDS.includes(written as DetectorKind)) {
    // The kind was already reported: its keys cannot be judged, so report nothing more about them.
    for (const key of reader.keys()) reader.raw(key);
    return { kind: 'timeout', intervalUs, suspectOnRefused, timeoutUs: SECOND_US };
  }
  const config = parseKind(reader, kind, { intervalUs, suspectOnRefused });
  reader.finish();
  return config;
}

function parseKind(reader: ConfigReader, kind: DetectorKind, common: DetectorCommon): DetectorConfig {
  switch (kind) {
    case 'timeout': {
      const timeoutUs = reader.duration('timeout', { min: 1, description: 'suspect a target heard nothing from for this long' });
      return { kind, ...common, timeoutUs };
    }
    case 'phi-accrual': {
      const threshold = reader.number('threshold', { default: 8, min: 0.01, max: 100, description: 'suspect when phi exceeds this' });
      const acceptablePauseUs = aliased(reader, 'acceptable-pause', 'acceptable-heartbeat-pause', (key) =>
        reader.duration(key, { default: 3 * SECOND_US, min: 0 }),
      );
      const minStdDeviationUs = reader.duration('min-std-deviation', { default: 100_000, min: 1 });
      const maxSampleSize = aliased(reader, 'max-samples', 'max-sample-size', (key) =>
        reader.number(key, { default: 1000, min: 1, max: 1_000_000, integer: true }),
      );
      return { kind, ...common, threshold, acceptablePauseUs, minStdDeviationUs, maxSampleSize };
    }
    case 'health-check': {
      const timeoutUs = reader.duration('timeout', { default: Math.min(common.intervalUs, SECOND_US / 2), min: 1 });
      if (timeoutUs > common.intervalUs) {
        reader.error('timeout', 'a health check timeout cannot exceed its interval', 'make timeout <= interval');
      }
      const unhealthyAfter = reader.number('unhealthy-after', { default: 3, min: 1, max: 1000, integer: true, description: 'consecutive failed probes before suspecting' });
      const healthyAfter = reader.number('healthy-after', { default: 2, min: 1, max: 1000, integer: true, description: 'consecutive answered probes before trusting again' });
      return { kind, ...common, timeoutUs, unhealthyAfter, healthyAfter };
    }
  }
}

/** Reads `key` or its alias (an error when both are given). */
function aliased<T>(reader: ConfigReader, key: string, alias: string, read: (key: string) => T): T {
  if (reader.has(key) && reader.has(alias)) reader.error(alias, `give either \`${key}\` or \`${alias}\`, not both`);
  return read(reader.has(alias) && !reader.has(key) ? alias : key);
}

/** One line for reports and docs, e.g. "timeout 500ms every 200ms". */
export function describeDetector(config: DetectorConfig): string {
  const ms = (us: number) => `${us / 1000}ms`;
  switch (config.kind) {
    case 'timeout':
      return `timeout ${ms(config.timeoutUs)}, heartbeat every ${ms(config.intervalUs)}`;
    case 'phi-accrual':
      return `phi accrual, threshold ${config.threshold}, acceptable pause ${ms(config.acceptablePauseUs)}, heartbeat every ${ms(config.intervalUs)}`;
    case 'health-check':
      return `health check every ${ms(config.intervalUs)}, timeout ${ms(config.timeoutUs)}, unhealthy after ${config.unhealthyAfter}, healthy after ${config.healthyAfter}`;
  }
}
