// Built-in system models: one line each.

import type { SystemModel } from '../model/api.js';
import { heartbeatModel } from './heartbeat/index.js';
import { leaderFollowerModel } from './leader-follower/index.js';
import { leaderlessModel } from './leaderless/index.js';
import { lockModel } from './lock/index.js';
import { raftModel } from './raft/index.js';
import { requestResponseModel } from './request-response/index.js';

const builtins: ReadonlyMap<string, SystemModel<any, any>> = new Map<string, SystemModel<any, any>>([
  [requestResponseModel.name, requestResponseModel],
  [leaderFollowerModel.name, leaderFollowerModel],
  [leaderlessModel.name, leaderlessModel],
  [heartbeatModel.name, heartbeatModel],
  [lockModel.name, lockModel],
  [raftModel.name, raftModel],
]);

export function builtinModel(name: string): SystemModel | undefined {
  return builtins.get(name) as SystemModel | undefined;
}

export function builtinModelNames(): readonly string[] {
  return [...builtins.keys()].sort();
}
