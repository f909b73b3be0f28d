// Random fault processes: crash/restart with exponential up and down times (mtbf/mttr), or up
// times drawn uniformly (`every: A..B`), per node or of whoever holds a role; pauses (GC, VM
// suspend) after a uniform running time, of a drawn length; and random partitions of a shape. Each process draws from its own
// stream (`faults/random-crash/<k>/<node>`, `faults/random-crash/<k>/role:<role>`,
// `faults/random-pause/<k>/<node>`, `faults/random-partition/<k>`). New faults start only before the scenario's duration; a fault
// in progress still ends after it.

import type { StreamFactory } from '../kernel/random-stream.js';
import type { Sfc32Stream } from '../kernel/random-stream.js';
import type { CrashAction } from './kinds/crash.js';
import type { PartitionAction } from './kinds/partition.js';
import type { PauseAction } from './kinds/pause.js';
import { samplerFor } from '../model/sampler.js';
import type { CrashMode, NodeSelector, PartitionShape, RandomFaultSpec } from './fault-spec.js';
import type { FaultInjector } from './fault-injector.js';

type RandomCrashSpec = Extract<RandomFaultSpec, { kind: 'random-crash' }>;
type RandomPartitionSpec = Extract<RandomFaultSpec, { kind: 'random-partition' }>;
type RandomPauseSpec = Extract<RandomFaultSpec, { kind: 'random-pause' }>;

export function startRandomFaults(
  specs: readonly RandomFaultSpec[],
  injector: FaultInjector,
  streams: StreamFactory,
  durationUs: number,
  nowUs: () => number,
): void {
  const run: RandomFaultRun = { injector, streams, durationUs, nowUs };
  specs.forEach((spec, k) => {
    if (spec.kind === 'random-crash') startRandomCrashes(spec, k, run);
    else if (spec.kind === 'random-pause') startRandomPauses(spec, k, run);
    else startRandomPartitions(spec, k, run);
  });
}

/** What every random fault process works with. */
interface RandomFaultRun {
  readonly injector: FaultInjector;
  readonly streams: StreamFactory;
  readonly durationUs: number;
  readonly nowUs: () => number;
}

/** One process per node, or one for whoever holds the role; each with its own stream. */
function processesOf(spec: { readonly nodes: readonly string[]; readonly role: string | null }, streamPrefix: string, streams: StreamFactory) {
  const processes: { target: string; nodes: NodeSelector }[] =
    spec.role === null ? spec.nodes.map((node) => ({ target: node, nodes: [node] })) : [{ target: `role ${spec.role}`, nodes: { role: spec.role } }];
  return processes.map((process) => ({ ...process, stream: streams.stream(`${streamPrefix}/${spec.role === null ? process.target : `role:${spec.role}`}`) }));
}

function startRandomCrashes(spec: RandomCrashSpec, k: number, { injector, streams, durationUs, nowUs }: RandomFaultRun): void {
  const every = spec.everyUs;
  for (const { target, nodes, stream } of processesOf(spec, `faults/random-crash/${k}`, streams)) {
    const upTimeUs = (): number => (every === undefined ? stream.exponential(spec.mtbfUs) : uniform(stream, every.minUs, every.maxUs));
    const scheduleFailure = (): void => {
      const failAtUs = nowUs() + upTimeUs();
      if (failAtUs >= durationUs) return;
      injector.at(failAtUs, () => {
        const action: CrashAction = { kind: 'crash', nodes, mode: spec.mode };
        const active = injector.inject(action, `crash ${target} (random, ${spec.mode satisfies CrashMode})`);
        if (active === null) {
          scheduleFailure(); // the role was vacant: try again after another up time
          return;
        }
        injector.at(nowUs() + stream.exponential(spec.mttrUs), () => {
          active.end(spec.role === null ? `restart ${target} (random)` : `restart ${active.nodes.join(', ')} (random, was ${target})`);
          scheduleFailure();
        });
      });
    };
    scheduleFailure();
  }
}

/** Pauses after `every` of running time, each lasting a draw of `length` (at least 1 µs). */
function startRandomPauses(spec: RandomPauseSpec, k: number, { injector, streams, durationUs, nowUs }: RandomFaultRun): void {
  const sampleLength = samplerFor(spec.length);
  for (const { target, nodes, stream } of processesOf(spec, `faults/random-pause/${k}`, streams)) {
    const scheduleNext = (): void => {
      const startUs = nowUs() + uniform(stream, spec.everyMinUs, spec.everyMaxUs);
      if (startUs >= durationUs) return;
      injector.at(startUs, () => {
        const lengthUs = Math.max(1, sampleLength(stream));
        const action: PauseAction = { kind: 'pause', nodes };
        const active = injector.inject(action, `pause ${target} (random)`);
        injector.at(nowUs() + lengthUs, () => {
          active?.end(spec.role === null ? `resume ${target} (random)` : `resume ${active.nodes.join(', ')} (random, was ${target})`);
          scheduleNext();
        });
      });
    };
    scheduleNext();
  }
}

function startRandomPartitions(spec: RandomPartitionSpec, k: number, { injector, streams, durationUs, nowUs }: RandomFaultRun): void {
  const stream = streams.stream(`faults/random-partition/${k}`);
  const scheduleNext = (fromUs: number): void => {
    const startUs = fromUs + uniform(stream, spec.everyMinUs, spec.everyMaxUs);
    if (startUs >= durationUs) return;
    injector.at(startUs, () => {
      const groups = partitionGroups(spec.shape, spec.nodes, stream);
      const label = `partition ${groups.map((g) => `{${g.join(', ')}}`).join(' | ')} (random ${spec.shape})`;
      const action: PartitionAction = { kind: 'partition', groups };
      const active = injector.inject(action, label);
      const lengthUs = uniform(stream, spec.forMinUs, spec.forMaxUs);
      injector.at(nowUs() + lengthUs, () => active?.end(`end of ${label}`));
      scheduleNext(Math.max(startUs, startUs + lengthUs));
    });
  };
  scheduleNext(0);
}

function uniform(stream: Sfc32Stream, minUs: number, maxUs: number): number {
  return minUs + (maxUs - minUs) * stream.next();
}

export function partitionGroups(shape: PartitionShape, nodes: readonly string[], stream: Sfc32Stream): string[][] {
  const shuffled = [...nodes];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = stream.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const minoritySize =
    shape === 'isolate-one' ? 1 : shape === 'halves' ? Math.floor(shuffled.length / 2) : Math.floor((shuffled.length - 1) / 2);
  const minority = shuffled.slice(0, Math.max(1, minoritySize));
  const rest = shuffled.slice(minority.length);
  const order = (names: string[]) => names.sort((a, b) => nodes.indexOf(a) - nodes.indexOf(b));
  return [order(minority), order(rest)];
}
