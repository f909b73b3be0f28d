// Open-loop arrivals for a client model: a Poisson process (exponential gaps) at a rate per
// second, calling `onArrival` at each arrival until the scenario's duration. Uses only the public
// model API; the gaps come from the stream the caller passes, so they do not depend on anything
// else the client draws.

import type { NodeContext, RandomStream } from '../api.js';

export function startPoissonArrivals(
  ctx: NodeContext,
  ratePerSecond: number,
  stream: RandomStream,
  onArrival: () => void,
): void {
  if (!(ratePerSecond > 0)) return;
  const meanGapUs = 1_000_000 / ratePerSecond;
  const scheduleNext = (): void => {
    const gapUs = stream.exponential(meanGapUs);
    if (ctx.monotonicUs() + gapUs >= ctx.durationUs) return;
    ctx.setTimer(gapUs, () => {
      onArrival();
      scheduleNext();
    });
  };
  scheduleNext();
}
