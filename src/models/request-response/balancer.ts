// The client's load balancer: picks the server for each attempt by policy (random, round-robin,
// least-outstanding) among the servers its failure detector does not suspect, failing open to
// all of them when it suspects every one.

import type { ClientState } from './client-state.js';

/** Servers the balancer does not suspect; all of them when it suspects every one (fail open). */
function candidates(state: ClientState): readonly string[] {
  const { monitor, config } = state;
  if (!monitor) return config.servers;
  const trusted = config.servers.filter((server) => !monitor.isSuspected(server));
  if (trusted.length > 0) return trusted;
  state.ctx.metrics.count('balancer.fail-open');
  return config.servers;
}

export function chooseServer(state: ClientState): string {
  const usable = candidates(state);
  switch (state.config.balancerPolicy) {
    case 'random':
      return state.balancer.pick(usable);
    case 'round-robin':
      return nextRoundRobin(state, usable);
    case 'least-outstanding':
      return leastOutstanding(state, usable);
  }
}

/** The first usable server from the rotating pointer, which moves past it. */
function nextRoundRobin(state: ClientState, usable: readonly string[]): string {
  const servers = state.config.servers;
  const count = servers.length;
  for (let step = 0; step < count; step++) {
    const server = servers[(state.roundRobin + step) % count]!;
    if (usable.includes(server)) {
      state.roundRobin += step + 1;
      return server;
    }
  }
  throw new Error('model bug: no usable server');
}

/** Fewest attempts in flight; ties go to the first after the rotating pointer. */
function leastOutstanding(state: ClientState, usable: readonly string[]): string {
  const { attemptsInFlight } = state;
  const servers = state.config.servers;
  const count = servers.length;
  let best: string | null = null;
  for (let step = 0; step < count; step++) {
    const server = servers[(state.roundRobin + step) % count]!;
    if (!usable.includes(server)) continue;
    if (best === null || attemptsInFlight.get(server)! < attemptsInFlight.get(best)!) best = server;
  }
  state.roundRobin++;
  return best!;
}
