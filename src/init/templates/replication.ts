// Starter template `replication`: three replicas behind the built-in leader-follower model under
// a kv workload; the leader crashes and a follower takes over. Semi-synchronous replication and
// epoch fencing keep every acknowledged write, one leader at a time and a linearizable history.
// 100 keys keep the linearizability check fast (it searches each key's history on its own).

import type { StarterContext, StarterTemplate } from '../starter-template.js';

export const replicationTemplate: StarterTemplate = {
  name: 'replication',
  summary: 'a replicated kv store (built-in leader-follower), leader crash',
  writesModel: false,
  scenarioText: ({ baseName, scenarioFileName }: StarterContext) => `#
# A starter scenario written by "ddsim init replication". Three replicas of a key-value store:
# db-1 leads, and acknowledges a write once one follower has it too (semi-synchronous). At 5s
# whoever leads crashes; a follower notices the silence, wins a vote and takes over. After the
# workload ends, a final phase restarts the crashed node, heals everything and reads every key,
# and the checks read the recorded history: no acknowledged write lost, never two leaders, every
# operation consistent with one order (linearizable).
#
# Run it, and read the timeline, the metrics and the expectations (each check gives a witness
# when it fails):
#   ddsim run ${scenarioFileName}
# Acknowledge writes before any follower has them: the crash loses some (no-lost-writes fails):
#   ddsim run ${scenarioFileName} --set system.replication=async --set 'system.replication-delay={dist: exponential, mean: 300ms}'
# Check the file without running it (an editor with the YAML language server checks it as you
# type, through the schema on the first line):
#   ddsim validate ${scenarioFileName}
#
# Every key of the replication models and their metrics: README "Replication under faults" and
# docs/replication.md (in the ddsim repository); lessons to copy from: the package's
# scenarios/repl-*.yaml (split brain, paused leaders, partitions, sloppy quorums).

name: ${baseName}
description: The leader of three replicas crashes; a follower takes over and nothing acknowledged is lost.
seed: 1           # the same seed gives the same run, event for event; --seed N tries another
duration: 15s     # simulated time the workload runs (the run itself takes about a second)

# Who takes part: "count: 3" makes db-1, db-2 and db-3.
nodes:
  - name: client
  - { name: db, count: 3 }

# Every message's latency (a distribution); "loss:" and per-link "links:" as in any scenario.
network:
  latency: { dist: exponential, mean: 1ms }

# The system under test: the built-in leader-follower model; the first server leads at the start.
system:
  model: leader-follower
  servers: [db-1, db-2, db-3]
  replication: semi-sync        # async (acknowledge at once) | semi-sync (after "acks" followers) | sync (after all)
  acks: 1
  failover: automatic           # followers elect a new leader after "failover-timeout" of silence; or manual
  failover-timeout: 1s
  heartbeat: 100ms
  fencing: epochs               # a deposed leader that hears a newer epoch steps down; none: split brain
  reads: leader                 # leader | any (reads from followers may be stale)

# What the client does: reads, writes and compare-and-sets of keys k1..k100, 100 a second,
# each recorded (invoked, completed, ok / failed / unknown) for the checks below.
workload:
  kind: kv
  clients: [client]
  keys: 100
  mix: { read: 0.5, write: 0.4, cas: 0.1 }
  rate: 100/s
  timeout: 500ms

# What goes wrong: a role names whoever holds it when the fault fires. Without "for:" the node
# stays down until the final phase restarts it.
faults:
  - { at: 5s, crash: { role: leader } }

# After the workload: every fault reverted, 2 quiet seconds, then the client reads every key.
final: { quiet: 2s }

# What must hold. Named checks read the history; "metric OP value" compares a metric. A failed
# expectation makes "ddsim run" exit 1 and print the command that reproduces the run.
expect:
  - single-leader               # never two leaders acknowledging writes at once
  - no-lost-writes              # every acknowledged write survives the failover
  - linearizable                # every read saw the latest write, as if one copy
  - leader.elections >= 1       # the crash was noticed and a follower took over
`,
};
