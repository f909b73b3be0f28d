// Random fault processes: per-node crash/restart with exponential up and down times (mtbf/mttr),
// and random partitions of a shape. Each process draws from its own stream
// (`faults/random-crash/<k>/<node>`, `faults/random-partition/<k>`). New faults start only
// before the scenario's duration; a fault in progress still ends after it.

import type { StreamFactory } from '../kernel/random-stream.js';
import type { Sfc32Stream } from '../kernel/random-stream.js';
import type { PartitionShape, RandomFaultSpec } from './fault-spec.js';
import type { FaultInjector } from './fault-injector.js';

export function startRandomFaults(
  specs: readonly RandomFaultSpec[],
  injector: FaultInjector,
  streams: StreamFactory,
  durationUs: number,
  nowUs: () => number,
): void {
  specs.forEach((spec, k) => {
    if (spec.kind === 'random-crash') {
      for (const node of spec.nodes) {
        const stream = streams.stream(`faults/random-crash/${k}/${node}`);
        const scheduleFailure = (): void => {
          const failAtUs = nowUs() + stream.exponential(spec.mtbfUs);
          if (failAtUs >= durationUs) return;
          injector.at(failAtUs, () => {
            const revert = injector.inject({ kind: 'crash', nodes: [node], mode: spec.mode }, `crash ${node} (random, ${spec.mode})`);
            injector.at(nowUs() + stream.exponential(spec.mttrUs), () => {
              revert?.();
              injector.recordRevert(`restart ${node} (random)`, 'crash');
              scheduleFailure();
            });
          });
        };
        scheduleFailure();
      }
    } else {
      const stream = streams.stream(`faults/random-partition/${k}`);
      const scheduleNext = (fromUs: number): void => {
        const startUs = fromUs + uniform(stream, spec.everyMinUs, spec.everyMaxUs);
        if (startUs >= durationUs) return;
        injector.at(startUs, () => {
          const groups = partitionGroups(spec.shape, spec.nodes, stream);
          const label = `partition ${groups.map((g) => `{${g.join(', ')}}`).join(' | ')} (random ${spec.shape})`;
          const revert = injector.inject({ kind: 'partition', groups }, label);
          const lengthUs = uniform(stream, spec.forMinUs, spec.forMaxUs);
          injector.at(nowUs() + lengthUs, () => {
            revert?.();
            injector.recordRevert(`end of ${label}`, 'partition');
          });
          scheduleNext(Math.max(startUs, startUs + lengthUs));
        });
      };
      scheduleNext(0);
    }
  });
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
