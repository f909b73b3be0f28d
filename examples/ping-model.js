// A complete user-written system model for ddsim (plain JavaScript, ES module).
// Every node pings one peer every `interval`; a ping not answered within `timeout` counts as a
// timeout. Run it: npx ddsim run examples/custom-model.yaml

/** @type {import('ddsim').SystemModel<{ intervalUs: number, timeoutUs: number }, null>} */
export default {
  name: 'ping',
  description: 'Each node pings its next neighbour and counts answers and timeouts.',

  // Metric names this model records, so that `expect:` can use them.
  // A histogram fed by metrics.observe('rtt', ms): declares rtt.mean, rtt.p50 ... rtt.max for expect:.
  metricNames: () => ['pings', 'pongs', 'timeouts', { histogram: 'rtt', unit: 'ms' }],

  // Read your keys from `system:` through the reader: errors get file:line:column for free,
  // and keys you never read are reported as unknown.
  parseConfig({ system }) {
    return {
      intervalUs: system.duration('interval', { default: 100_000 }),
      timeoutUs: system.duration('timeout', { default: 50_000 }),
    };
  },

  // Shared observer state for measurement (none needed here).
  createShared: () => null,

  // Called at start and after every restart: everything in the closure is volatile state.
  createNode(ctx, config) {
    const me = ctx.nodeNames.indexOf(ctx.nodeName);
    const peer = ctx.nodeNames[(me + 1) % ctx.nodeNames.length];
    const waiting = new Map(); // ping number -> timeout timer
    let next = 0;

    const ping = () => {
      const n = next++;
      ctx.send(peer, { type: 'ping', n, sentUs: ctx.nowUs() });
      ctx.metrics.count('pings');
      waiting.set(n, ctx.setTimer(config.timeoutUs, () => {
        waiting.delete(n);
        ctx.metrics.count('timeouts');
      }));
      ctx.setTimer(config.intervalUs, ping);
    };
    // Start at a random offset so that nodes do not ping in lockstep.
    ctx.setTimer(ctx.random.next() * config.intervalUs, ping);

    return {
      onMessage(from, message) {
        if (message.type === 'ping') ctx.send(from, { type: 'pong', n: message.n, sentUs: message.sentUs });
        if (message.type === 'pong' && waiting.has(message.n)) {
          ctx.cancelTimer(waiting.get(message.n));
          waiting.delete(message.n);
          ctx.metrics.count('pongs');
          ctx.metrics.observe('rtt', (ctx.nowUs() - message.sentUs) / 1000); // ms
        }
      },
    };
  },
};
