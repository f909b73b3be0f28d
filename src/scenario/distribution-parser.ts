// Reads a distribution map (`{ dist: exponential, mean: 5ms }`) into a DistributionSpec, with
// lognormal's two written forms converted to mu/sigma of ln(microseconds) and mixture weights
// normalized to sum 1. Bare durations (constants) are handled by the reader before this.

import type { StructuredReader as YamlConfigReader } from './structured-reader.js';
import type { DistributionSpec } from './types.js';

export const DISTRIBUTION_KINDS = ['constant', 'uniform', 'normal', 'exponential', 'lognormal', 'pareto', 'mixture'] as const;

/** z such that P(Z <= z) = 0.99 for a standard normal Z. */
export const NORMAL_QUANTILE_P99 = 2.3263478740408408;

/** ln(1000): shifts the mean of ln(X) when X goes from milliseconds to microseconds. */
const LN_US_PER_MS = Math.log(1000);

/** Mixtures may nest, but not without bound. */
const MIXTURE_DEPTH_MAX = 8;

/** Parses the map, reports its problems, finishes the reader; null when it is invalid. */
export function parseDistributionMap(reader: YamlConfigReader, depth = 0): DistributionSpec | null {
  const problemsBefore = reader.context.problems.count;
  const kind = reader.string('dist', { oneOf: DISTRIBUTION_KINDS });
  // With `dist` wrong, every other key would look unknown: report only the first problem.
  if (reader.context.problems.count > problemsBefore) return null;
  const spec = parseKind(reader, kind, depth);
  reader.finish();
  return reader.context.problems.count > problemsBefore ? null : spec;
}

function parseKind(reader: YamlConfigReader, kind: string, depth: number): DistributionSpec | null {
  switch (kind) {
    case 'constant':
      return { kind, valueUs: reader.duration('value') };
    case 'uniform': {
      const minUs = reader.duration('min');
      const maxUs = reader.duration('max');
      if (minUs > maxUs) reader.error('max', 'must not be less than min');
      return { kind, minUs, maxUs };
    }
    case 'normal':
      return { kind, meanUs: reader.duration('mean'), stddevUs: reader.duration('stddev') };
    case 'exponential':
      return { kind, meanUs: reader.duration('mean') };
    case 'lognormal':
      return parseLognormal(reader);
    case 'pareto':
      return {
        kind,
        scaleUs: reader.duration('scale', { min: 1 }),
        shape: positive(reader, 'shape'),
      };
    case 'mixture':
      return parseMixture(reader, depth);
    default:
      return null;
  }
}

function positive(reader: YamlConfigReader, key: string): number {
  const value = reader.number(key, { min: 0 });
  if (value === 0 && reader.has(key)) reader.error(key, 'must be greater than 0');
  return value;
}

function parseLognormal(reader: YamlConfigReader): DistributionSpec | null {
  const byQuantiles = reader.has('median') || reader.has('p99');
  const byParameters = reader.has('mu') || reader.has('sigma');
  if (byQuantiles && byParameters) {
    reader.error(null, 'a lognormal takes either median and p99, or mu and sigma, not both');
    return null;
  }
  if (byParameters) {
    // mu and sigma describe ln(X) for X in milliseconds, the unit people quote latencies in.
    const muMs = reader.number('mu');
    const sigma = reader.number('sigma', { min: 0 });
    return { kind: 'lognormal', mu: muMs + LN_US_PER_MS, sigma };
  }
  const medianUs = reader.duration('median', { min: 1 });
  const p99Us = reader.duration('p99');
  if (medianUs > 0 && p99Us <= medianUs && reader.has('p99')) {
    reader.error('p99', 'must be greater than median');
    return null;
  }
  const mu = Math.log(medianUs);
  return { kind: 'lognormal', mu, sigma: (Math.log(p99Us) - mu) / NORMAL_QUANTILE_P99 };
}

function parseMixture(reader: YamlConfigReader, depth: number): DistributionSpec | null {
  if (depth >= MIXTURE_DEPTH_MAX) {
    reader.error(null, `mixtures nest at most ${MIXTURE_DEPTH_MAX} deep`);
    return null;
  }
  const items = reader.list('of', { required: true });
  if (items === null) return null;
  if (items.length === 0) {
    reader.error('of', 'a mixture needs at least one component');
    return null;
  }
  const components: { weight: number; dist: DistributionSpec }[] = [];
  for (const item of items) {
    const component = reader.mapAt(item, 'a component such as { weight: 0.9, dist: exponential, mean: 2ms }');
    if (component === null) continue;
    const weight = component.number('weight', { min: 0 });
    if (weight === 0 && component.has('weight')) component.error('weight', 'must be greater than 0');
    const dist = parseDistributionMap(component, depth + 1);
    if (dist !== null && weight > 0) components.push({ weight, dist });
  }
  if (components.length !== items.length) return null;
  const total = components.reduce((sum, component) => sum + component.weight, 0);
  return { kind: 'mixture', components: components.map((c) => ({ weight: c.weight / total, dist: c.dist })) };
}
