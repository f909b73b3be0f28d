// Starter template `custom`: a scenario that runs a model module of its own, written beside it
// from the model skeleton (src/init/skeletons/): a client calling two servers, one of which
// crashes for two seconds. Its expectations read the metrics the skeleton records.

import type { StarterContext, StarterTemplate } from '../starter-template.js';

export const customTemplate: StarterTemplate = {
  name: 'custom',
  summary: 'your own model: a scenario and a model skeleton (--lang js|ts)',
  writesModel: true,
  scenarioText: ({ baseName, scenarioFileName, modelFileName }: StarterContext) => `#
# A starter scenario written by "ddsim init custom": it runs the model in ./${modelFileName}, written
# beside it. A client sends a request every 10ms to two servers in turn; at 4s server-1 crashes
# for 2 seconds, and the client's requests to it are refused. Edit the model (each callback is
# commented), then the expectations below, and run again.
#
# Run it, and read the timeline, the metrics and the expectations:
#   ddsim run ${scenarioFileName}
# A silent crash (no "connection refused"): the client only sees timeouts, "refused >= 50" fails:
#   ddsim run ${scenarioFileName} --set 'faults[0].mode=silent'
# Check the file without running it (an editor with the YAML language server checks it as you
# type, through the schema on the first line):
#   ddsim validate ${scenarioFileName}
#
# Every key: README "Scenario files"; the model API: README "Writing your own system model".

name: ${baseName}
description: A client calls two servers of a model of its own; one crashes for 2 seconds.
seed: 1           # the same seed gives the same run, event for event; --seed N tries another
duration: 15s     # simulated time (the run itself takes well under a second)

# Who takes part: "count: 2" makes server-1 and server-2.
nodes:
  - name: client
  - { name: server, count: 2 }

# Every message's latency (a distribution), and the share of messages lost on the way.
network:
  latency: { dist: exponential, mean: 2ms }
  loss: 0.01

# The system under test: a module path (relative to this file) instead of a built-in model. The
# other keys are the model's own: its parseConfig() reads them, and reports any it does not know.
system:
  model: ./${modelFileName}
  clients: [client]
  servers: [server-1, server-2]
  interval: 10ms
  timeout: 50ms

# What goes wrong, and when: each fault starts "at" and is reverted after "for" (a restart here).
faults:
  - { at: 4s, for: 2s, crash: server-1, mode: refuse }

# What must hold: "metric OP value", over the metrics the model declares in metricNames(). A
# failed expectation makes "ddsim run" exit 1 and print the command that reproduces the run.
expect:
  - answered-fraction >= 0.85   # server-1 is down for 2s of 15: about 7% of requests are refused
  - refused >= 50               # the client noticed the crash
  - rtt.p99 <= 50ms
`,
};
