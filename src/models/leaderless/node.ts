// A node of the leaderless model: a replica (stores versioned values, keeps hints for others and
// hands them off), a coordinator (sends each client request to the key's N replicas and answers
// after the first W acknowledgements or R replies, the newest version winning; read repair; sloppy
// quorum), or both. A coordinator never learns which replicas are down: it only waits.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import { isKvRequest, type KvRequest, type KvResponse } from '../../model/kit/kv/kv-messages.js';
import { homeReplicas, preferenceList, type LeaderlessConfig } from './config.js';
import { isLeaderlessMessage, type LeaderlessMessage, type Versioned } from './messages.js';
import type { LeaderlessObserver } from './observer.js';

/** Versions are counter * VERSION_STRIDE + coordinator index: unique, and ordered by counter first. */
const VERSION_STRIDE = 4096;

interface ReplicaDisk {
  readonly store: Map<string, Versioned>;
  /** Writes held for an unreachable home replica: home -> key -> value. */
  readonly hints: Map<string, Map<string, Versioned>>;
}

interface Request {
  readonly client: string;
  readonly request: KvRequest;
  readonly home: readonly string[];
  readonly replied: Map<string, Versioned | null>;
  answered: boolean;
  /** Nodes asked (home replicas, then fallbacks). */
  readonly asked: Set<string>;
}

export function createLeaderlessNode(ctx: NodeContext, config: LeaderlessConfig, observer: LeaderlessObserver): NodeBehaviour {
  const me = ctx.nodeName;
  const isReplica = config.replicas.includes(me);
  const coordinatorIndex = ctx.nodeIndex(me);
  let disk = ctx.durable.get('ll.disk') as ReplicaDisk | undefined;
  if (disk === undefined) {
    disk = { store: new Map(), hints: new Map() };
    ctx.durable.set('ll.disk', disk);
  }
  const { store, hints } = disk;
  if (isReplica) observer.registerStore(me, () => [...store.keys()].sort().map((key) => [key, store.get(key)!.value]));
  let counter = (ctx.durable.get('ll.counter') as number | undefined) ?? 0;
  const requests = new Map<number, Request>();
  let nextId = 1;

  const send = (to: string, message: LeaderlessMessage): void => ctx.send(to, message);
  const apply = (key: string, item: Versioned): void => {
    const current = store.get(key);
    if (!current || item.version > current.version) store.set(key, item);
  };
  const seen = (version: number): void => {
    counter = Math.max(counter, Math.floor(version / VERSION_STRIDE));
    ctx.durable.set('ll.counter', counter);
  };

  // ---- coordinator ----
  const answer = (entry: Request, response: Omit<KvResponse, 'kind' | 'requestId'>): void => {
    entry.answered = true;
    ctx.send(entry.client, { kind: 'kv.response', requestId: entry.request.requestId, ...response } satisfies KvResponse);
  };

  const newest = (items: Iterable<Versioned | null>): Versioned | null => {
    let best: Versioned | null = null;
    for (const item of items) if (item && (!best || item.version > best.version)) best = item;
    return best;
  };

  const coordinate = (client: string, request: KvRequest): void => {
    const id = nextId++;
    const home = homeReplicas(config, request.key);
    const entry: Request = { client, request, home, replied: new Map(), answered: false, asked: new Set(home) };
    requests.set(id, entry);
    if (request.f === 'read') {
      for (const replica of home) send(replica, { kind: 'll.read', id, key: request.key });
    } else {
      counter++;
      ctx.durable.set('ll.counter', counter);
      const item: Versioned = { value: request.value!, version: counter * VERSION_STRIDE + coordinatorIndex };
      for (const replica of home) send(replica, { kind: 'll.write', id, key: request.key, item, hintFor: null });
      if (config.sloppy) ctx.setTimer(config.sloppyAfterUs, () => sloppyFallback(id, item));
    }
    // Forget the request once no reply can matter (read repair included).
    ctx.setTimer(config.workload.timeoutUs * 2, () => requests.delete(id));
  };

  /**
   * Sloppy quorum: each home replica still silent gets a stand-in from outside the home set, the
   * next nodes on the ring first. One round: a stand-in that is silent too is not replaced.
   */
  const sloppyFallback = (id: number, item: Versioned): void => {
    const entry = requests.get(id);
    if (!entry || entry.answered) return;
    const silent = entry.home.filter((replica) => !entry.replied.has(replica));
    const standIns = preferenceList(config, entry.request.key).filter((node) => !entry.asked.has(node));
    silent.forEach((home, i) => {
      const standIn = standIns[i];
      if (standIn === undefined) return;
      entry.asked.add(standIn);
      ctx.metrics.count('writes.hinted');
      send(standIn, { kind: 'll.write', id, key: entry.request.key, item, hintFor: home });
    });
  };

  const onReply = (from: string, id: number, item: Versioned | null): void => {
    const entry = requests.get(id);
    if (!entry) return;
    entry.replied.set(from, item);
    if (item) seen(item.version);
    const { request } = entry;
    if (request.f === 'read') {
      if (!entry.answered && entry.replied.size >= config.r) {
        answer(entry, { outcome: 'ok', value: newest(entry.replied.values())?.value ?? null });
      }
      if (config.readRepair && entry.replied.size === entry.home.length) {
        const best = newest(entry.replied.values());
        if (best) {
          for (const [replica, value] of entry.replied) {
            if (!value || value.version < best.version) {
              ctx.metrics.count('read-repairs');
              send(replica, { kind: 'll.write', id: 0, key: request.key, item: best, hintFor: null });
            }
          }
        }
      }
    } else if (!entry.answered && entry.replied.size >= config.w) {
      answer(entry, { outcome: 'ok' });
    }
  };

  // ---- replica ----
  const onReplicaMessage = (from: string, message: LeaderlessMessage): void => {
    switch (message.kind) {
      case 'll.write':
        if (message.hintFor !== null && message.hintFor !== me) {
          const held = hints.get(message.hintFor) ?? new Map<string, Versioned>();
          hints.set(message.hintFor, held);
          const current = held.get(message.key);
          if (!current || message.item.version > current.version) held.set(message.key, message.item);
        } else {
          apply(message.key, message.item);
        }
        if (message.id !== 0) send(from, { kind: 'll.write-ack', id: message.id });
        return;
      case 'll.read':
        send(from, { kind: 'll.read-reply', id: message.id, item: store.get(message.key) ?? null });
        return;
      case 'll.write-ack':
        onReply(from, message.id, null);
        return;
      case 'll.read-reply':
        onReply(from, message.id, message.item);
        return;
      case 'll.handoff':
        apply(message.key, message.item);
        send(from, { kind: 'll.handoff-ack', key: message.key, version: message.item.version });
        return;
      case 'll.handoff-ack': {
        const held = hints.get(from);
        if (held && held.get(message.key)?.version === message.version) held.delete(message.key);
        return;
      }
    }
  };

  const handOff = (): void => {
    for (const [home, held] of hints) {
      for (const [key, item] of held) send(home, { kind: 'll.handoff', key, item });
    }
    ctx.setTimer(config.handoffIntervalUs, handOff);
  };
  // The first round at a random phase, so that replicas do not hand off in lockstep.
  if (isReplica && config.sloppy) ctx.setTimer(Math.floor(ctx.stream('handoff').next() * config.handoffIntervalUs), handOff);

  return {
    onMessage(from, message) {
      if (isKvRequest(message)) coordinate(from, message);
      else if (isLeaderlessMessage(message)) onReplicaMessage(from, message);
    },
  };
}
