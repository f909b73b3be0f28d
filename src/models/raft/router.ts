// How a Raft client finds the leader: a cached guess (at first a random server), corrected by
// redirects (the server's leader hint, or the next server when it knows none); after a timeout it
// tries the next server. Every request goes to the guess.

import type { RandomStream } from '../../model/api.js';
import type { KvRouter } from '../../model/kit/kv/kv-client.js';
import type { RaftConfig } from './config.js';

export function createRaftRouter(config: RaftConfig, stream: RandomStream): KvRouter {
  const servers = config.servers;
  let guess = stream.pick(servers);
  const after = (server: string): string => servers[(servers.indexOf(server) + 1) % servers.length]!;
  return {
    redirectMax: 2 * servers.length,
    target: () => guess,
    redirected(from, leader) {
      guess = leader !== null && servers.includes(leader) ? leader : after(from);
    },
    timedOut(server) {
      if (server === guess) guess = after(server);
    },
  };
}
