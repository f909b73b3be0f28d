// Turns a DistributionSpec into a sampling function over a random stream. Samples are durations
// in microseconds (non-negative floats; the kernel rounds event times to whole microseconds).

import type { DistributionSpec } from './distribution.js';
import type { RandomStream } from './api.js';

export type Sampler = (stream: RandomStream) => number;

const compiledBySpec = new WeakMap<DistributionSpec, Sampler>();

/** compileSampler, compiled once per spec object (specs are immutable plain data). */
export function samplerFor(spec: DistributionSpec): Sampler {
  let sampler = compiledBySpec.get(spec);
  if (sampler === undefined) {
    sampler = compileSampler(spec);
    compiledBySpec.set(spec, sampler);
  }
  return sampler;
}

/**
 * An exponential draw of mean `meanUs` from a uniform draw in [0, 1) (inverse transform): the
 * exponential sampler's formula, and the network's for its inlined default latency.
 */
export function exponentialUs(meanUs: number, uniform: number): number {
  return -meanUs * Math.log(1 - uniform);
}

export function compileSampler(spec: DistributionSpec): Sampler {
  switch (spec.kind) {
    case 'constant': {
      const valueUs = spec.valueUs;
      return () => valueUs;
    }
    case 'uniform': {
      const minUs = spec.minUs;
      const spanUs = spec.maxUs - spec.minUs;
      return (stream) => minUs + spanUs * stream.next();
    }
    case 'normal': {
      const { meanUs, stddevUs } = spec;
      // Truncated at 0: negative draws are clamped to 0 (a message cannot arrive before it is sent).
      return (stream) => Math.max(0, meanUs + stddevUs * stream.normal());
    }
    case 'exponential': {
      const meanUs = spec.meanUs;
      return (stream) => exponentialUs(meanUs, stream.next());
    }
    case 'lognormal': {
      const { mu, sigma } = spec;
      return (stream) => Math.exp(mu + sigma * stream.normal());
    }
    case 'pareto': {
      const { scaleUs, shape } = spec;
      const inverseShape = 1 / shape;
      return (stream) => scaleUs / Math.pow(1 - stream.next(), inverseShape);
    }
    case 'mixture':
      return compileMixture(spec.components);
  }
}

function compileMixture(components: readonly { weight: number; dist: DistributionSpec }[]): Sampler {
  const totalWeight = components.reduce((sum, component) => sum + component.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const component of components) {
    running += component.weight / totalWeight;
    cumulative.push(running);
  }
  const samplers = components.map((component) => compileSampler(component.dist));
  const last = samplers.length - 1;
  return (stream) => {
    const u = stream.next();
    for (let i = 0; i < last; i++) if (u < cumulative[i]!) return samplers[i]!(stream);
    return samplers[last]!(stream);
  };
}

/** The distribution's mean in microseconds (used for sanity bounds and drain limits). */
export function distributionMeanUs(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.valueUs;
    case 'uniform':
      return (spec.minUs + spec.maxUs) / 2;
    case 'normal':
      return Math.max(0, spec.meanUs);
    case 'exponential':
      return spec.meanUs;
    case 'lognormal':
      return Math.exp(spec.mu + (spec.sigma * spec.sigma) / 2);
    case 'pareto':
      return spec.shape > 1 ? (spec.scaleUs * spec.shape) / (spec.shape - 1) : Infinity;
    case 'mixture': {
      const totalWeight = spec.components.reduce((sum, component) => sum + component.weight, 0);
      return spec.components.reduce(
        (sum, component) => sum + (component.weight / totalWeight) * distributionMeanUs(component.dist),
        0,
      );
    }
  }
}
