// The same kind of model in TypeScript, typed with ddsim's public API (loaded through tsx).
// In your own project: `import type { SystemModel } from 'ddsim';`
import type { SystemModel } from '../src/index.js';

interface Config {
  readonly intervalUs: number;
}

const model: SystemModel<Config, { pongs: number }> = {
  name: 'ping-typed',
  description: 'Node pings its neighbour every interval.',
  metricNames: () => ['pongs'],
  parseConfig: ({ system }) => ({ intervalUs: system.duration('interval', { default: 100_000 }) }),
  createShared: () => ({ pongs: 0 }),
  createNode(ctx, config, shared) {
    const peer = ctx.nodeNames[(ctx.nodeNames.indexOf(ctx.nodeName) + 1) % ctx.nodeNames.length]!;
    const ping = (): void => {
      ctx.send(peer, 'ping');
      ctx.setTimer(config.intervalUs, ping);
    };
    ping();
    return {
      onMessage(from, message) {
        if (message === 'ping') ctx.send(from, 'pong');
        else shared.pongs++;
      },
    };
  },
  finish(shared, metrics) {
    metrics.set('pongs', shared.pongs);
  },
};

export default model;
