// ddsim's public API, for users' own system models and for programs that drive ddsim:
//   - the model API (types) and its values: samplers over parsed distributions;
//   - the model kit (detectors, kv workload, Poisson arrivals, failure causes), values and types;
//   - the scenario and result types, and functions to load and run a scenario (optionally
//     capturing its events: src/capture/).

export type * from './model/api.js';
export { DEFAULT_TIMELINE_SERIES } from './model/api.js';
export type { ConfigReader, JsonSchema, KeyDoc, NumberOptions } from './model/config-reader.js';
export type { DistributionSpec } from './model/distribution.js';
export { compileSampler, samplerFor, distributionMeanUs, type Sampler } from './model/sampler.js';
export { aliasedKey } from './model/config-aliases.js';
export { describeDistribution, formatDuration } from './model/describe.js';
export type { RecordedFacts, RecordedOperation } from './model/facts.js';
export { replicationFacts, type LeaderTerm, type ReplicaState, type KeyPlacement, type ReplicationFacts } from './model/replication-facts.js';
export { lockFacts, type LeaseRecord, type LeaseValidity, type AcceptedWrite, type LockFacts } from './model/lock-facts.js';
export * from './model/kit/index.js';
export type * from './scenario/types.js';
export type * from './result/run-result.js';
export { runScenario, ScenarioRun, type ScenarioRunOptions } from './run/run-scenario.js';
export {
  CAPTURE_BODY_CHARS_MAX_DEFAULT,
  CAPTURE_EVENT_COUNT_MAX_DEFAULT,
  type CapturedNodeStatus,
  type CapturedRun,
  type CaptureOptions,
  type CaptureRecord,
  type FaultCaptureRecord,
  type FlagRecord,
  type MessageEventKind,
  type MessageRecord,
  type StatusRecord,
  type TimerRecord,
} from './capture/event-capture.js';
export { loadScenario, type LoadScenarioOptions } from './scenario/load-scenario.js';
export { builtinModel, builtinModelNames, loadBuiltinModel } from './models/all-models.js';
