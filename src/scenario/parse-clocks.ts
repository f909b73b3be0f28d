// `clocks:` -> each node's clocks: drift (drawn once per node), an initial offset, and NTP-like
// synchronization; `nodes:` overrides per node name or glob (later entries win).
//
//   clocks:
//     drift: { dist: uniform, min: -200ppm, max: 200ppm }     # or 200ppm; default 0
//     offset: 0ms                                              # at time 0; may be negative
//     sync: { every: 30s, error: { dist: normal, mean: 0ms, stddev: 5ms }, mode: step }  # or slew
//     nodes: { "db-3": { drift: 500ppm, offset: -3ms, sync: off } }
//
// Without the section every clock is true time.

import { isMap } from 'yaml';
import { DRIFT_PPM_MAX, perfectClocks, type ClocksSpec, type DriftSpec, type NodeClockSpec, type SyncErrorSpec, type SyncSpec } from '../sim/clock-spec.js';
import { matchNodes } from './node-patterns.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { plainValue, resolveNode, type ValueAt } from './yaml-values.js';

export const SYNC_MODES = ['step', 'slew'] as const;
export const MAX_SLEW_PPM_DEFAULT = 500;
const DRIFT_KINDS = ['constant', 'uniform', 'normal'] as const;
const ERROR_KINDS = ['constant', 'uniform', 'normal'] as const;
/** A clock offset beyond a day is a unit mistake, not a scenario. */
const OFFSET_MAX_US = 24 * 3600 * 1_000_000;
const PPM_BOUNDS = { min: -DRIFT_PPM_MAX, max: DRIFT_PPM_MAX };
const OFFSET_BOUNDS = { min: -OFFSET_MAX_US, max: OFFSET_MAX_US };

export function parseClocks(root: YamlConfigReader): ClocksSpec {
  const names = root.context.topology.nodeNames;
  const section = root.section('clocks');
  if (section === null) return perfectClocks(names.length);
  const base: NodeClockSpec = {
    drift: section.has('drift') ? readDrift(section, 'drift') : { kind: 'constant', ppm: 0 },
    offsetUs: section.signedDuration('offset', { default: 0, ...OFFSET_BOUNDS }),
    syncs: true,
  };
  const sync = readSync(section);
  const perNode = names.map(() => base);
  const overrides = section.section('nodes');
  if (overrides !== null) applyOverrides(overrides, names, perNode);
  section.finish();
  return { nodes: perNode, sync };
}

function applyOverrides(overrides: YamlConfigReader, names: readonly string[], perNode: NodeClockSpec[]): void {
  for (const pattern of overrides.keys()) {
    const at = overrides.value(pattern)!;
    const matched = matchNodes(pattern, names);
    if (matched.length === 0 && overrides.context.topology.complete) {
      overrides.error(pattern, `matches no node`, `nodes: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}`);
    }
    const entry = overrides.mapAt(at, 'a map such as { drift: 500ppm, offset: -3ms, sync: off }');
    if (entry === null) continue;
    const drift = entry.has('drift') ? readDrift(entry, 'drift') : null;
    const offsetUs = entry.has('offset') ? entry.signedDuration('offset', OFFSET_BOUNDS) : null;
    const syncs = entry.has('sync') ? readOnOff(entry, 'sync') : null;
    entry.finish();
    for (const name of matched) {
      const i = names.indexOf(name);
      const before = perNode[i]!;
      perNode[i] = { drift: drift ?? before.drift, offsetUs: offsetUs ?? before.offsetUs, syncs: syncs ?? before.syncs };
    }
  }
}

/** `200ppm`, or `{ dist: uniform, min: -200ppm, max: 200ppm }` (constant, uniform, normal). */
function readDrift(reader: YamlConfigReader, key: string): DriftSpec {
  const at = reader.value(key)!;
  if (!isMap(resolveNode(reader.context, at.node))) return { kind: 'constant', ppm: reader.ppm(key, PPM_BOUNDS) };
  return parseDriftMap(reader.mapAt(at)!);
}

/** `{ dist: uniform, min: -200ppm, max: 200ppm }` (constant, uniform, normal); finishes the map. */
export function parseDriftMap(map: YamlConfigReader): DriftSpec {
  const kind = map.string('dist', { oneOf: DRIFT_KINDS, description: 'how drift is drawn, once per node' });
  const spec = driftOfKind(map, kind);
  map.finish();
  return spec;
}

function driftOfKind(map: YamlConfigReader, kind: string): DriftSpec {
  if (kind === 'uniform') {
    const minPpm = map.ppm('min', PPM_BOUNDS);
    const maxPpm = map.ppm('max', PPM_BOUNDS);
    if (minPpm > maxPpm) map.error('max', 'must not be less than min');
    return { kind, minPpm, maxPpm };
  }
  if (kind === 'normal') return { kind, meanPpm: map.ppm('mean', PPM_BOUNDS), stddevPpm: map.ppm('stddev', { min: 0, max: DRIFT_PPM_MAX }) };
  return { kind: 'constant', ppm: map.ppm('value', PPM_BOUNDS) };
}

function readSync(section: YamlConfigReader): SyncSpec | null {
  const at = section.value('sync');
  if (at === undefined) return null;
  if (!isMap(resolveNode(section.context, at.node))) {
    // `sync: off` says it outright; anything else must be the map.
    if (readOnOffAt(section, at) === false) return null;
    section.error('sync', 'expected a map such as { every: 30s, error: 5ms, mode: step }, or off');
    return null;
  }
  return parseSyncMap(section.mapAt(at)!);
}

/** `{ every: 30s, error: 5ms, mode: step }`; finishes the map. */
export function parseSyncMap(sync: YamlConfigReader): SyncSpec {
  const spec: SyncSpec = {
    everyUs: sync.duration('every', { min: 1000 }),
    error: sync.has('error') ? readSyncError(sync) : { kind: 'constant', valueUs: 0 },
    mode: sync.string('mode', { default: 'step', oneOf: SYNC_MODES }) as SyncSpec['mode'],
    maxSlewPpm: sync.ppm('max-slew', { default: MAX_SLEW_PPM_DEFAULT, min: 1, max: DRIFT_PPM_MAX }),
  };
  if (spec.mode === 'step' && sync.has('max-slew')) sync.error('max-slew', 'applies only to mode: slew');
  sync.finish();
  return spec;
}

/** `5ms`, `-2ms`, or `{ dist: normal, mean: 0ms, stddev: 5ms }` (constant, uniform, normal; signed). */
function readSyncError(sync: YamlConfigReader): SyncErrorSpec {
  const at = sync.value('error')!;
  if (!isMap(resolveNode(sync.context, at.node))) return { kind: 'constant', valueUs: sync.signedDuration('error', OFFSET_BOUNDS) };
  return parseSyncErrorMap(sync.mapAt(at)!);
}

/** `{ dist: normal, mean: 0ms, stddev: 5ms }` (constant, uniform, normal; signed); finishes the map. */
export function parseSyncErrorMap(map: YamlConfigReader): SyncErrorSpec {
  const kind = map.string('dist', { oneOf: ERROR_KINDS, description: 'how each synchronization error is drawn' });
  let spec: SyncErrorSpec;
  if (kind === 'uniform') {
    const minUs = map.signedDuration('min', OFFSET_BOUNDS);
    const maxUs = map.signedDuration('max', OFFSET_BOUNDS);
    if (minUs > maxUs) map.error('max', 'must not be less than min');
    spec = { kind, minUs, maxUs };
  } else if (kind === 'normal') {
    spec = { kind, meanUs: map.signedDuration('mean', OFFSET_BOUNDS), stddevUs: map.duration('stddev', { max: OFFSET_MAX_US }) };
  } else {
    spec = { kind: 'constant', valueUs: map.signedDuration('value', OFFSET_BOUNDS) };
  }
  map.finish();
  return spec;
}

/** `on`/`off` or true/false; null after reporting anything else. */
export function readOnOff(reader: YamlConfigReader, key: string): boolean | null {
  const at = reader.value(key);
  if (at === undefined) return null;
  const value = readOnOffAt(reader, at);
  if (value === null) reader.error(key, `expected on or off, got ${JSON.stringify(plainValue(reader.context, at.node))}`);
  return value;
}

function readOnOffAt(reader: YamlConfigReader, at: ValueAt): boolean | null {
  const value = plainValue(reader.context, at.node);
  if (value === true || value === 'on') return true;
  if (value === false || value === 'off') return false;
  return null;
}
