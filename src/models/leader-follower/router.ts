// How a leader-follower client finds the leader: a cached guess (the first server at the start),
// corrected by redirects; after a timeout it tries the next server, which redirects it if it
// knows better. Reads go to the guess, or to any replica with `reads: any`.

import type { RandomStream } from '../../model/api.js';
import type { KvRouter } from '../../model/kit/kv/kv-client.js';
import type { LeaderFollowerConfig } from './config.js';

export function createLeaderRouter(config: LeaderFollowerConfig, stream: RandomStream): KvRouter {
  const servers = config.servers;
  let guess = servers[0]!;
  const after = (server: string): string => servers[(servers.indexOf(server) + 1) % servers.length]!;
  return {
    redirectMax: 2 * servers.length,
    target: (f) => (f === 'read' && config.reads === 'any' ? stream.pick(servers) : guess),
    redirected(from, leader) {
      guess = leader !== null && servers.includes(leader) ? leader : after(from);
    },
    timedOut(server) {
      if (server === guess) guess = after(server);
    },
  };
}
