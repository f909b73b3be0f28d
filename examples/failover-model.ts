// A typed model with a role, the fault feed and a declared histogram: primary-backup failover.
// The primary heartbeats every `heartbeat`; a backup that hears nothing for `timeout` (plus its
// rank times a heartbeat, so that backups do not all take over at once) makes itself primary in
// a higher term, kept in ctx.durable across crashes. A node that hears a higher term steps down.
// There is no quorum: a primary cut off by a partition goes on believing it leads (two primaries
// at once, which `primaries.max-at-once` shows). The observer hears every fault on the feed and
// measures `failover` (ms): from a fault that hits the acting primary to the moment a new one
// acts. Scenarios target the primary by role: `{ at: 3s, crash: { role: primary } }`.
// In your own project: `import type { SystemModel } from 'ddsim';`
import type { FaultEvent, MetricsRecorder, NodeContext, SystemModel, TruthOracle } from '../src/index.js';

interface Config {
  readonly heartbeatUs: number;
  readonly timeoutUs: number;
}

type Message = { readonly type: 'heartbeat'; readonly term: number };

interface Durable {
  term: number;
}

/** Measurement only: who acts as primary, and the faults that took one away. */
class Observer {
  /** Node -> the term in which it believes it is primary. */
  readonly believedPrimary = new Map<string, number>();
  /** When a fault hit the acting primary, until a new primary acts. */
  private lostPrimaryAtUs: number | null = null;
  maxAtOnce = 0;

  constructor(
    private readonly oracle: TruthOracle,
    private readonly metrics: MetricsRecorder,
  ) {
    oracle.onFault((event) => this.onFault(event));
  }

  /** Believes it leads and is truly up. */
  actingPrimaries(): string[] {
    return [...this.believedPrimary.keys()].filter((node) => this.oracle.status(node) === 'up').sort();
  }

  setPrimary(node: string, term: number | null): void {
    if (term === null) {
      this.believedPrimary.delete(node);
      return;
    }
    this.believedPrimary.set(node, term);
    this.maxAtOnce = Math.max(this.maxAtOnce, this.actingPrimaries().length);
    if (this.lostPrimaryAtUs !== null) {
      this.metrics.observe('failover', (this.oracle.nowUs() - this.lostPrimaryAtUs) / 1000);
      this.lostPrimaryAtUs = null;
    }
  }

  private onFault(event: FaultEvent): void {
    if (event.revert || event.skipped || this.lostPrimaryAtUs !== null) return;
    // Heard after the fault took effect: a crashed primary still believes, but no longer acts.
    const believers = [...this.believedPrimary.keys()];
    const stopped = (event.kind === 'crash' || event.kind === 'pause') && believers.some((node) => event.nodes.includes(node));
    const cutOff = event.kind === 'partition' && believers.some((node) => event.links.some((link) => link.from === node));
    if (stopped || cutOff) this.lostPrimaryAtUs = event.atUs;
  }
}

function createNode(ctx: NodeContext<Message, Durable>, config: Config, observer: Observer) {
  const rank = ctx.nodeNames.indexOf(ctx.nodeName);
  let term = ctx.durable.get('term') ?? 0;
  let primary = term === 0 && rank === 0; // node 0 starts as primary; after a crash everyone is a backup
  let lastHeardUs = ctx.nowUs();
  const setTerm = (next: number): void => {
    term = next;
    ctx.durable.set('term', term);
  };
  const becomePrimary = (): void => {
    setTerm(term + 1);
    primary = true;
    observer.setPrimary(ctx.nodeName, term);
  };
  const tick = (): void => {
    if (primary) {
      for (const node of ctx.nodeNames) if (node !== ctx.nodeName) ctx.send(node, { type: 'heartbeat', term });
    } else if (ctx.nowUs() - lastHeardUs > config.timeoutUs + rank * config.heartbeatUs) {
      becomePrimary();
    }
    ctx.setTimer(config.heartbeatUs, tick);
  };
  observer.setPrimary(ctx.nodeName, primary ? term : null);
  tick();
  return {
    onMessage(_from: string, message: Message) {
      if (message.term < term) return;
      if (message.term > term || primary) setTerm(message.term);
      if (primary) observer.setPrimary(ctx.nodeName, null);
      primary = false;
      lastHeardUs = ctx.nowUs();
    },
  };
}

const model: SystemModel<Config, Observer, Message, Durable> = {
  name: 'failover',
  description: 'Primary-backup with heartbeats and timeouts, no quorum.',
  metricNames: () => [{ histogram: 'failover', unit: 'ms' }, { name: 'primaries.max-at-once', unit: 'count' }],
  timelineSeries: () => ({ failed: [], ok: [] }), // no requests: no failure row
  roleNames: ['primary'],
  roles: (observer) => ({ primary: observer.actingPrimaries() }),
  parseConfig: ({ system }) => ({
    heartbeatUs: system.duration('heartbeat', { default: 100_000, min: 1 }),
    timeoutUs: system.duration('timeout', { default: 500_000, min: 1 }),
  }),
  createShared: (_config, setup) => new Observer(setup.oracle, setup.metrics),
  createNode,
  finish(observer, metrics) {
    metrics.set('primaries.max-at-once', observer.maxAtOnce);
  },
};

export default model;
