// A tiny model for tests of the network and faults: `a` sends a numbered ping to `b` every
// `intervalUs`; `b` echoes it. The shared log records what arrived where and when.

import type { ModelSections, SystemModel } from '../../src/model/api.js';

export interface ProbeConfig {
  readonly intervalUs: number;
  readonly from: string;
  readonly to: string;
}

export interface ProbeLog {
  readonly events: { kind: 'ping' | 'echo' | 'refused'; n: number; atUs: number; node: string }[];
}

export const probeModel: SystemModel<ProbeConfig, ProbeLog> = {
  name: 'probe',
  description: 'test probe',
  metricNames: () => [],
  parseConfig: (_sections: ModelSections) => ({ intervalUs: 100_000, from: 'a', to: 'b' }),
  createShared: () => ({ events: [] }),
  createNode(ctx, config, log) {
    if (ctx.nodeName === config.from) {
      let n = 0;
      const tick = () => {
        ctx.send(config.to, { n: n++ });
        if (ctx.nowUs() + config.intervalUs < ctx.durationUs) ctx.setTimer(config.intervalUs, tick);
      };
      tick();
    }
    return {
      onMessage(from, message) {
        const { n, echo } = message as { n: number; echo?: boolean };
        log.events.push({ kind: echo ? 'echo' : 'ping', n, atUs: ctx.nowUs(), node: ctx.nodeName });
        if (!echo) ctx.send(from, { n, echo: true });
      },
      onRefused(_to, message) {
        log.events.push({ kind: 'refused', n: (message as { n: number }).n, atUs: ctx.nowUs(), node: ctx.nodeName });
      },
    };
  },
};
