// Starter template `request-response`: a client calls two servers through the built-in
// request-response model; a lossy link and a partition come and go, and retries ride them out.
// Its expectations hold at its seed (test/cli/commands/init.test.ts runs it).

import type { StarterContext, StarterTemplate } from '../starter-template.js';

export const requestResponseTemplate: StarterTemplate = {
  name: 'request-response',
  summary: 'a client and two servers (built-in), a lossy link, a partition',
  writesModel: false,
  scenarioText: ({ baseName, scenarioFileName }: StarterContext) => `#
# A starter scenario written by "ddsim init request-response". One client sends 100 requests a
# second to two servers. At 4s the links of server-1 start losing 30% of their messages, at 9s a
# partition cuts server-2 off for 2 seconds; the client times out and retries on the other server.
#
# Run it, and read the timeline, the metrics and the expectations:
#   ddsim run ${scenarioFileName}
# The same run without retries: availability falls below 98%, the run fails (exit 1):
#   ddsim run ${scenarioFileName} --set workload.retries=0
# Check the file without running it (an editor with the YAML language server checks it as you
# type, through the schema on the first line):
#   ddsim validate ${scenarioFileName}
#
# Every key: README "Scenario files"; every metric: README "Expectations and metrics"; lessons
# to copy from: the package's scenarios/ folder (retries-under-loss.yaml has every kind of fault).

name: ${baseName}
description: A client calls two servers; retries ride out a lossy link and a partition.
seed: 1           # the same seed gives the same run, event for event; --seed N tries another
duration: 15s     # simulated time the workload runs (the run itself takes well under a second)

# Who takes part: "count: 2" makes server-1 and server-2.
nodes:
  - name: client
  - { name: server, count: 2 }

# Every message's latency (a distribution), and the share of messages lost on the way.
# Per-link settings go under "links:", e.g. - { link: "client -> server-1", loss: 0.2 }
network:
  latency: { dist: exponential, mean: 2ms }
  loss: 0.001

# The system under test: the built-in request-response model (or ./your-model.js, see
# "ddsim init custom"). Each server works on 4 requests at once, each taking about 2ms.
system:
  model: request-response
  servers: [server-1, server-2]
  service: { dist: exponential, mean: 2ms }
  concurrency: 4
  balancer: { policy: round-robin }     # random | round-robin | least-outstanding

# What the clients do: Poisson arrivals (open loop; "concurrency: 10" is a closed loop instead),
# a timeout per attempt and up to 3 retries with jittered exponential backoff.
workload:
  clients: [client]
  rate: 100/s
  timeout: 100ms
  retries: 3
  backoff: { base: 10ms, max: 100ms, jitter: full }

# What goes wrong, and when: each fault starts "at" and is reverted after "for".
# Also: crash, restart, pause, cut, delay, duplicate, slow, clock and random faults.
faults:
  - { at: 4s, for: 3s, loss: 0.3, node: server-1 }              # every link of server-1
  - { at: 9s, for: 2s, partition: [[client, server-1], [server-2]] }

# What must hold: "metric OP value". A failed expectation makes "ddsim run" exit 1 and print
# the command that reproduces the run. The retries cost latency: some requests wait out two or
# three timeouts, hence the p99.
expect:
  - availability >= 0.98
  - latency.p50 <= 20ms
  - latency.p99 <= 500ms
`,
};
