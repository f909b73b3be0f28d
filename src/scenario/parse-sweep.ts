// `sweep:` -> the sweep a scenario declares for `ddsim sweep`: varied key paths with their values
// (a list, or a string of values and ranges as on the command line), the seeds, and the metrics
// the summary shows. `ddsim run` ignores the section; the paths are checked when each
// combination is loaded, as `--set` expressions.
//
//   sweep:
//     vary:
//       workload.timeout: [20ms, 50ms, 100ms]   # or "20ms,50ms,100ms", or 20ms..100ms:20ms
//       network.loss: 0..0.1:0.02
//     seeds: 1..50                              # or 50 (seeds 1..50), or [1, 5, 9]
//     metrics: [availability, latency.p99]

import { isMap, isSeq } from 'yaml';
import { checkDistinct, parseSeedList, parseValueList } from './sweep-values.js';
import { parseSetPath } from './apply-sets.js';
import type { SweepSectionSpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { listAt, plainValue, resolveNode, stringAt, type ValueAt } from './yaml-values.js';

export function parseSweep(root: YamlConfigReader): SweepSectionSpec | null {
  const section = root.section('sweep');
  if (section === null) return null;
  const vary: { path: string; values: string[] }[] = [];
  const varyAt = section.value('vary');
  const varyMap = varyAt === undefined ? null : section.mapAt(varyAt, 'a map of key path -> values, e.g. { workload.timeout: [50ms, 100ms] }');
  for (const path of varyMap?.keys() ?? []) {
    const at = varyMap!.value(path)!;
    const segments = parseSetPath(path);
    if (typeof segments === 'string') {
      section.context.problems.report(at, segments);
      continue;
    }
    const values = valuesAt(section, at);
    if (values !== null) vary.push({ path, values });
  }
  varyMap?.finish();
  const seeds = seedsAt(section, section.value('seeds'));
  const metrics: string[] = [];
  for (const item of section.list('metrics') ?? []) {
    const name = stringAt(section.context, item);
    if (name !== null) metrics.push(name);
  }
  section.finish();
  return { vary, seeds, metrics };
}

/** A list of scalars (maps and lists as JSON, which `--set` reads as YAML), or a value string. */
function valuesAt(section: YamlConfigReader, at: ValueAt): string[] | null {
  const { context } = section;
  const node = resolveNode(context, at.node);
  let parsed;
  if (isSeq(node)) {
    const texts = (listAt(context, at) ?? []).map((item) => valueText(section, item));
    if (texts.length === 0) {
      context.problems.report(at, 'the list of values is empty');
      return null;
    }
    parsed = checkDistinct(texts);
  } else if (isMap(node)) {
    context.problems.report(at, 'expected a list of values or a string such as "50ms,100ms" or 0..0.1:0.02, got a map', 'wrap it in a list: [{...}]');
    return null;
  } else {
    parsed = parseValueList(String(plainValue(context, at.node)));
  }
  if (!parsed.ok) {
    context.problems.report(at, parsed.message);
    return null;
  }
  return parsed.value;
}

function valueText(section: YamlConfigReader, item: ValueAt): string {
  const node = resolveNode(section.context, item.node) as { toJS?: (doc: unknown) => unknown };
  const value = typeof node?.toJS === 'function' ? node.toJS(section.context.document) : plainValue(section.context, item.node);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function seedsAt(section: YamlConfigReader, at: ValueAt | undefined): number[] | null {
  if (at === undefined) return null;
  const { context } = section;
  const node = resolveNode(context, at.node);
  const text = isSeq(node) ? (listAt(context, at) ?? []).map((item) => String(plainValue(context, item.node))).join(',') : String(plainValue(context, at.node));
  const parsed = parseSeedList(text);
  if (!parsed.ok) {
    context.problems.report(at, parsed.message, 'e.g. seeds: 1..100, or seeds: 100');
    return null;
  }
  return parsed.value;
}
