// Which way is better for a metric, to pick the "best" parameter combination of a sweep. Derived
// from the name alone (like the report's units): ratios of good things (`availability`,
// `...fraction`, `...accuracy`, `...ratio`) and success counts (`....ok`, `...success...`) are
// better higher; everything else (latencies, failures, retries, messages) is better lower.

export type MetricDirection = 'higher' | 'lower';

const HIGHER_ENDINGS = ['fraction', 'accuracy', 'ratio', 'ok', 'throughput'];

export function metricDirection(name: string): MetricDirection {
  const last = name.split('.').pop() ?? name;
  if (name === 'availability' || name.includes('success')) return 'higher';
  if (/fail|false|error|lost|down/.test(name)) return 'lower';
  return HIGHER_ENDINGS.some((ending) => last.endsWith(ending)) ? 'higher' : 'lower';
}
