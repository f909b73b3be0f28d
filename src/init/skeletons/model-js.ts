// The JavaScript model skeleton `ddsim init custom` writes: a complete, runnable model that uses
// only the public model API (README "Writing your own system model"), typed through JSDoc, with
// a comment on each callback. model-ts.ts is the same model in TypeScript: change them together
// (test/init/ runs both and checks the TypeScript one compiles against src/index.ts).

import type { SkeletonContext } from './skeleton-context.js';

export function modelSkeletonJs({ modelName, modelFileName, scenarioFileName }: SkeletonContext): string {
  return `// ${modelFileName}: a system model of your own, written by "ddsim init" as a starting point.
// Run it: ddsim run ${scenarioFileName}
//
// Clients send a request to the servers in turn every "interval"; a server answers at once; the
// client counts answers, timeouts and refusals and measures each round trip. Replace the
// protocol with yours and keep the shape: ddsim calls the functions below, and a node talks to
// the world only through "ctx" (network, timers, clocks, seeded random streams, metrics).
// The API: README "Writing your own system model"; its types: import('ddsim').SystemModel.
// Keep it deterministic: no Math.random, Date.now or setTimeout; draw from ctx.random, read
// ctx.nowUs() / ctx.monotonicUs(), and wait with ctx.setTimer.

/**
 * The model's configuration, read from the scenario's "system:" section by parseConfig.
 * @typedef {object} Config
 * @property {string[]} clients
 * @property {string[]} servers
 * @property {number} intervalUs
 * @property {number} timeoutUs
 */

/** @type {import('ddsim').SystemModel<Config, null>} */
export default {
  name: '${modelName}',
  description: 'Clients send requests to servers in turn and count the answers.',

  // The metrics this model records, so that "expect:" may name them (a misspelt one is an error
  // with a did-you-mean): counters, a ratio derived in finish(), and a histogram fed by
  // ctx.metrics.observe ("rtt" declares rtt.mean, rtt.p50, rtt.p90, rtt.p99, rtt.p999, rtt.max).
  metricNames: () => [
    'sent',
    'answered',
    'timeouts',
    'refused',
    { name: 'answered-fraction', unit: 'ratio' },
    { histogram: 'rtt', unit: 'ms' },
  ],

  // What the timeline's "failed" row adds up per time bucket (default: requests.failed).
  timelineSeries: () => ({ failed: ['timeouts', 'refused'], ok: ['answered'] }),

  // Reads the model's keys from "system:" (and "workload:", null when the scenario has none).
  // A bad value is reported with file:line:column, and a key never read is reported as unknown.
  parseConfig({ system }) {
    return {
      clients: system.nodeNames('clients'),
      servers: system.nodeNames('servers'),
      intervalUs: system.duration('interval', { default: 10_000 }),
      timeoutUs: system.duration('timeout', { default: 50_000 }),
    };
  },

  // The observer: one per run, shared by every node, for measurement only (setup.oracle knows the
  // truth nodes cannot: who is really down, partitioned, paused). Nodes must not use it to decide.
  createShared: () => null,

  // Called for each node when it starts and again after every restart: what the closure holds is
  // volatile and lost in a crash (ctx.durable survives one). null: the node runs nothing.
  createNode(ctx, config) {
    if (config.servers.includes(ctx.nodeName)) return server(ctx);
    if (config.clients.includes(ctx.nodeName)) return client(ctx, config);
    return null;
  },

  // Called once at the end of the run (after the drain): derive final metrics here.
  finish(shared, metrics) {
    const sent = metrics.get('sent');
    metrics.set('answered-fraction', sent === 0 ? 0 : metrics.get('answered') / sent);
  },

  // More, when you need them (README "Writing your own system model"): outstanding(shared) and
  // drainLimitUs(config) let the run wait for work in flight after "duration"; roles(shared)
  // and roleNames let faults name { role: leader }; checkNames(config) with ctx.history feed
  // history checks such as linearizable.
};

/** A server answers every request at once. */
function server(ctx) {
  return {
    // Every message delivered to this node: who sent it, and what (shared by reference with the
    // sender: do not modify it).
    onMessage(from, message) {
      if (message.type === 'request') ctx.send(from, { type: 'response', id: message.id, sentUs: message.sentUs });
    },
  };
}

/** A client sends a request every interval, to each server in turn, and waits "timeout" for it. */
function client(ctx, config) {
  const waiting = new Map(); // request id -> its timeout timer
  let nextId = 0;

  const sendRequest = () => {
    const id = nextId++;
    const to = config.servers[id % config.servers.length];
    // The monotonic clock measures durations; nowUs() (time of day) may jump with clock faults.
    ctx.send(to, { type: 'request', id, sentUs: ctx.monotonicUs() });
    ctx.metrics.count('sent');
    const timeout = ctx.setTimer(config.timeoutUs, () => {
      waiting.delete(id);
      ctx.metrics.count('timeouts');
    });
    waiting.set(id, timeout);
    ctx.setTimer(config.intervalUs, sendRequest);
  };
  // Start at a random moment of the first interval, so that clients do not send in lockstep.
  ctx.setTimer(ctx.random.next() * config.intervalUs, sendRequest);

  /** Ends the wait for a request; false when it already timed out. */
  const settle = (id) => {
    const timeout = waiting.get(id);
    if (timeout === undefined) return false;
    ctx.cancelTimer(timeout);
    waiting.delete(id);
    return true;
  };

  return {
    onMessage(from, message) {
      if (message.type !== 'response' || !settle(message.id)) return; // an answer after the timeout
      ctx.metrics.count('answered');
      ctx.metrics.observe('rtt', (ctx.monotonicUs() - message.sentUs) / 1000); // in ms
    },
    // "Connection refused": the destination's process was down when the message arrived (a crash
    // with mode: refuse, the default). With mode: silent only the timeout tells.
    onRefused(to, message) {
      if (message.type === 'request' && settle(message.id)) ctx.metrics.count('refused');
    },
  };
}
`;
}
