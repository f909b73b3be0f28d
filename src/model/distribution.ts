// Probability distributions over durations, as parsed from a scenario (`{ dist: exponential, mean: 2ms }`).
// Plain data; sample them with compileSampler (./sampler.ts) or ctx.sample(spec).

/** A probability distribution over a duration, in microseconds. */
export type DistributionSpec =
  | { readonly kind: 'constant'; readonly valueUs: number }
  | { readonly kind: 'uniform'; readonly minUs: number; readonly maxUs: number }
  /** Normal, truncated at 0 (negative draws are redrawn... see distributions.ts). */
  | { readonly kind: 'normal'; readonly meanUs: number; readonly stddevUs: number }
  | { readonly kind: 'exponential'; readonly meanUs: number }
  /** ln(X in microseconds) ~ Normal(mu, sigma). `median`/`p99` forms are converted to mu/sigma. */
  | { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly kind: 'pareto'; readonly scaleUs: number; readonly shape: number }
  | {
      readonly kind: 'mixture';
      readonly components: readonly { readonly weight: number; readonly dist: DistributionSpec }[];
    };
