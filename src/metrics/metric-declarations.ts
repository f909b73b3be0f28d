// Expands what models declare (SystemModel.metricNames) into metric names with units: a
// histogram declares its six statistics, all in the histogram's unit. Pure.

import type { MetricDeclaration, MetricUnit } from '../model/api.js';
import { guessMetricUnit } from './metric-unit-guess.js';

/** The statistics reported for every histogram (metrics.observe), in this order. */
export const HISTOGRAM_STATISTICS = ['mean', 'p50', 'p90', 'p99', 'p999', 'max'] as const;

/** Name -> unit, in declaration order; a unit not declared is guessed from the name. */
export function expandMetricDeclarations(declarations: readonly MetricDeclaration[]): Map<string, MetricUnit> {
  const units = new Map<string, MetricUnit>();
  for (const declaration of declarations) {
    if (typeof declaration === 'string') {
      units.set(declaration, guessMetricUnit(declaration));
    } else if ('histogram' in declaration) {
      for (const statistic of HISTOGRAM_STATISTICS) {
        const name = `${declaration.histogram}.${statistic}`;
        units.set(name, declaration.unit ?? guessMetricUnit(name));
      }
    } else {
      units.set(declaration.name, declaration.unit ?? guessMetricUnit(declaration.name));
    }
  }
  return units;
}

/** Every metric name the declarations make valid in `expect:`. */
export function declaredMetricNames(declarations: readonly MetricDeclaration[]): string[] {
  return [...expandMetricDeclarations(declarations).keys()];
}

/** The unit of every metric in a flat snapshot, sorted by name: declared, else guessed. */
export function metricUnitsOf(metrics: Readonly<Record<string, number>>, declared: ReadonlyMap<string, MetricUnit>): Record<string, MetricUnit> {
  const units: Record<string, MetricUnit> = {};
  for (const name of Object.keys(metrics).sort()) units[name] = declared.get(name) ?? guessMetricUnit(name);
  return units;
}
