// Sorts metric names into the groups the metrics table shows: requests, ops, latency, server,
// messages, failures by cause, then one group per other dotted prefix used by two or more
// metrics (a model's own, e.g. `detector.*`), then everything else. Nothing is dropped.

export interface MetricGroup {
  readonly title: string;
  readonly names: readonly string[];
}

/** `availability` goes with the operations it is the share of: kv models' ops.*, else requests.*. */
const isKvAvailability = (name: string, all: readonly string[]): boolean => name === 'availability' && all.includes('ops.ok');

const FIXED_GROUPS: readonly { readonly title: string; readonly matches: (name: string, all: readonly string[]) => boolean }[] = [
  { title: 'requests', matches: (name, all) => name.startsWith('requests.') || (name === 'availability' && !isKvAvailability(name, all)) },
  { title: 'ops', matches: (name, all) => name.startsWith('ops.') || isKvAvailability(name, all) },
  { title: 'latency', matches: (name) => name.startsWith('latency.') },
  { title: 'server', matches: (name) => name === 'executions' || name === 'duplicates' || name.startsWith('server.') },
  { title: 'messages', matches: (name) => name.startsWith('messages.') },
  { title: 'failures by cause', matches: (name) => name.startsWith('failures.') },
];

const REQUEST_ORDER = ['requests.total', 'requests.ok', 'requests.failed', 'requests.incomplete', 'availability'];
const LATENCY_ORDER = ['mean', 'p50', 'p90', 'p99', 'p999', 'max'];

export function groupMetricNames(names: readonly string[]): MetricGroup[] {
  const sorted = [...names].sort();
  const groups: MetricGroup[] = [];
  const claimed = new Set<string>();
  for (const { title, matches } of FIXED_GROUPS) {
    const members = sorted.filter((name) => matches(name, sorted));
    members.forEach((name) => claimed.add(name));
    if (members.length > 0) groups.push({ title, names: orderWithin(title, members) });
  }
  const rest = sorted.filter((name) => !claimed.has(name));
  const byPrefix = new Map<string, string[]>();
  for (const name of rest) {
    if (!name.includes('.')) continue;
    const prefix = name.slice(0, name.indexOf('.'));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), name]);
  }
  const other: string[] = [];
  for (const name of rest) {
    const prefix = name.includes('.') ? name.slice(0, name.indexOf('.')) : null;
    if (prefix === null || (byPrefix.get(prefix)?.length ?? 0) < 2) other.push(name);
  }
  for (const [prefix, members] of byPrefix) {
    if (members.length >= 2) groups.push({ title: prefix, names: orderStatistics(members) });
  }
  if (other.length > 0) groups.push({ title: 'other', names: other });
  return groups;
}

function orderWithin(title: string, members: readonly string[]): string[] {
  if (title === 'requests') return orderByList(members, REQUEST_ORDER);
  return orderStatistics(members);
}

/** Puts listed names first in list order, the rest after in name order. */
function orderByList(members: readonly string[], order: readonly string[]): string[] {
  const rank = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  return [...members].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Within a prefix, statistics read mean, p50 … max rather than alphabetically. */
function orderStatistics(members: readonly string[]): string[] {
  const stem = (name: string) => name.slice(0, name.lastIndexOf('.') + 1);
  const rank = (name: string) => {
    const index = LATENCY_ORDER.indexOf(name.slice(name.lastIndexOf('.') + 1));
    return index === -1 ? LATENCY_ORDER.length : index;
  };
  return [...members].sort((a, b) => {
    const stemA = stem(a);
    const stemB = stem(b);
    if (stemA !== stemB) return stemA < stemB ? -1 : 1;
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
}
