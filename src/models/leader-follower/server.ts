// A replica of the leader-follower model. The leader orders writes (versions (epoch, seq)),
// applies them, replicates them to every follower (retransmitting what is unacknowledged at each
// heartbeat) and acknowledges the client at once (async), after every follower (sync) or after
// `acks` followers (semi-sync). Followers apply what arrives, newest version wins. With automatic
// failover a follower that hears no heartbeat for the failover timeout asks the others for votes
// and becomes leader with a majority, refused by anyone more up to date than itself. With
// `fencing: epochs` replicas reject a stale epoch and an old leader that hears of a newer one steps
// down; without it, an old leader never learns and keeps taking writes. With `check-quorum` a
// leader that has not heard from a majority within the failover timeout steps down. The failure
// detection is a simple heartbeat timeout inside the model, or with `detector:` a failure detector
// of src/model/kit/detectors: every replica then probes every other (any of them may lead next, and a
// detector needs a history of its target) and a follower that suspects the leader it knows starts
// an election; a follower that knows no leader still waits the failover timeout for one.

import type { NodeBehaviour, NodeContext, TimerHandle } from '../../model/api.js';
import { compileSampler } from '../../model/sampler.js';
import { isKvRequest, type KvRequest, type KvResponse } from '../../model/kit/kv/kv-messages.js';
import type { LeaderFollowerConfig } from './config.js';
import { isReplicaMessage, type Entry, type ReplicaMessage } from './messages.js';
import type { LeaderFollowerObserver } from './observer.js';
import { newer, ReplicaStore } from './replica-store.js';
import { startReplicaMonitor, withMonitor } from './replica-monitor.js';

/** What survives a crash: the data, the epoch and the vote (on disk). */
interface DurableState {
  readonly store: ReplicaStore;
  epoch: number;
  votedEpoch: number;
  seq: number;
  wasLeader: boolean;
}

interface PendingWrite {
  readonly client: string;
  readonly response: KvResponse;
  readonly acked: Set<string>;
}

/** Entries resent to one follower per heartbeat, at most. */
const RETRANSMIT_BATCH_MAX = 256;

export function createServer(ctx: NodeContext, config: LeaderFollowerConfig, observer: LeaderFollowerObserver): NodeBehaviour {
  const me = ctx.nodeName;
  const others = config.servers.filter((server) => server !== me);
  const majority = Math.floor(config.servers.length / 2) + 1;
  const fencing = config.fencing === 'epochs';
  const replicationDelay = compileSampler(config.replicationDelay);
  const delayStream = ctx.stream('replication-delay');
  const jitter = ctx.stream('election');

  let state = ctx.durable.get('lf.state') as DurableState | undefined;
  const firstStart = state === undefined;
  if (state === undefined) {
    state = { store: new ReplicaStore(), epoch: 1, votedEpoch: 1, seq: 0, wasLeader: me === config.servers[0] };
    ctx.durable.set('lf.state', state);
  }
  const durable = state;
  observer.registerStore(me, () => durable.store.contents());

  // A restarted leader leads again only when nobody else could have been promoted.
  let leading = durable.wasLeader && (firstStart || config.failover === 'manual');
  let leaderGuess: string | null = leading ? me : firstStart ? config.servers[0]! : null;
  let lastHeardUs = ctx.nowUs();
  const unacked = new Map<string, Map<number, { entry: Entry; sentUs: number }>>(others.map((o) => [o, new Map()]));
  const pending = new Map<number, PendingWrite>();
  let election: { epoch: number; votes: Set<string>; timer: TimerHandle } | null = null;
  /** Detector mode: a scheduled election start (see considerElection). */
  let electionAttempt: TimerHandle | null = null;
  /** check-quorum: when each follower last answered this leader (in its current epoch). */
  const lastAnsweredUs = new Map<string, number>(others.map((follower) => [follower, ctx.nowUs()]));
  const required = config.replication === 'async' ? 0 : config.replication === 'sync' ? others.length : Math.min(config.semiSyncAcks, others.length);

  const becomeLeader = (epoch: number): void => {
    leading = true;
    durable.wasLeader = true;
    durable.epoch = epoch;
    leaderGuess = me;
    for (const map of unacked.values()) map.clear();
    for (const follower of others) lastAnsweredUs.set(follower, ctx.nowUs()); // a grace period
    observer.setLeader(me, epoch);
    broadcastHeartbeat();
  };

  const stepDown = (): void => {
    if (!leading) return;
    leading = false;
    durable.wasLeader = false;
    pending.clear(); // their clients time out: the outcome is unknown to them
    observer.setLeader(me, null);
  };

  const adoptEpoch = (epoch: number, leader: string | null): void => {
    if (epoch <= durable.epoch) return;
    durable.epoch = epoch;
    if (leading && fencing) stepDown();
    if (!leading && leader !== null) ctx.send(leader, { kind: 'lf.sync-request' } satisfies ReplicaMessage);
  };

  const broadcastHeartbeat = (): void => {
    const nowUs = ctx.nowUs();
    for (const follower of others) {
      ctx.send(follower, { kind: 'lf.heartbeat', epoch: durable.epoch, leader: me } satisfies ReplicaMessage);
      const waiting = [...unacked.get(follower)!.values()].filter((item) => nowUs - item.sentUs >= config.heartbeatIntervalUs);
      const batch = waiting.slice(0, RETRANSMIT_BATCH_MAX);
      for (const item of batch) item.sentUs = nowUs;
      if (batch.length > 0) {
        ctx.send(follower, { kind: 'lf.append', epoch: durable.epoch, leader: me, entries: batch.map((item) => item.entry) } satisfies ReplicaMessage);
      }
    }
  };

  /** check-quorum: true while a majority (this leader included) answered within the failover timeout. */
  const hearsMajority = (): boolean => {
    const nowUs = ctx.nowUs();
    const answering = others.filter((follower) => nowUs - (lastAnsweredUs.get(follower) ?? -Infinity) <= config.failoverTimeoutUs);
    return answering.length + 1 >= majority;
  };

  const tick = (): void => {
    observer.tick();
    if (leading && config.checkQuorum && !hearsMajority()) {
      stepDown();
      leaderGuess = null;
      lastHeardUs = ctx.nowUs(); // a whole timeout before it stands for election itself
    }
    if (leading) broadcastHeartbeat();
    else if (monitor !== null && leaderGuess !== null && leaderGuess !== me) considerElection();
    else if (config.failover === 'automatic' && election === null) {
      const silentUs = ctx.nowUs() - lastHeardUs;
      if (silentUs > config.failoverTimeoutUs * (1 + 0.5 * jitter.next())) startElection();
    }
    ctx.setTimer(config.heartbeatIntervalUs, tick);
  };

  const startElection = (): void => {
    const epoch = Math.max(durable.epoch, durable.votedEpoch) + 1;
    durable.votedEpoch = epoch;
    const position = durable.store.position;
    const request: ReplicaMessage = { kind: 'lf.vote-request', epoch, positionEpoch: position.epoch, positionSeq: position.seq };
    for (const other of others) ctx.send(other, request);
    const timer = ctx.setTimer(config.failoverTimeoutUs / 2, () => {
      election = null;
      lastHeardUs = ctx.nowUs(); // wait a whole timeout before trying again
      considerElection(); // with a detector: again while the leader is suspected
    });
    election = { epoch, votes: new Set([me]), timer };
    if (election.votes.size >= majority) winElection();
  };

  const winElection = (): void => {
    if (election === null) return;
    ctx.cancelTimer(election.timer);
    const epoch = election.epoch;
    election = null;
    if (epoch <= durable.epoch) return;
    ctx.metrics.count('leader.elections');
    becomeLeader(epoch);
  };

  /** Ships the entry after the replication delay: a crash before then loses it with the leader. */
  const replicate = (entry: Entry): void => {
    const ship = (): void => {
      if (!leading) return;
      const nowUs = ctx.nowUs();
      for (const follower of others) {
        unacked.get(follower)!.set(entry.seq, { entry, sentUs: nowUs });
        ctx.send(follower, { kind: 'lf.append', epoch: durable.epoch, leader: me, entries: [entry] } satisfies ReplicaMessage);
      }
    };
    const delayUs = replicationDelay(delayStream);
    if (delayUs > 0) ctx.setTimer(delayUs, ship);
    else ship();
  };

  const answer = (client: string, request: KvRequest, response: Omit<KvResponse, 'kind' | 'requestId'>): void => {
    ctx.send(client, { kind: 'kv.response', requestId: request.requestId, ...response } satisfies KvResponse);
  };

  const onClientRequest = (client: string, request: KvRequest): void => {
    if (request.f === 'read' && (leading || config.reads === 'any')) {
      answer(client, request, { outcome: 'ok', value: durable.store.read(request.key) });
      return;
    }
    if (!leading) {
      answer(client, request, { outcome: 'not-leader', leader: leaderGuess === me ? null : leaderGuess });
      return;
    }
    if (request.f === 'cas' && durable.store.read(request.key) !== (request.expected ?? null)) {
      answer(client, request, { outcome: 'mismatch' });
      return;
    }
    const entry: Entry = { key: request.key, value: request.value!, epoch: durable.epoch, seq: ++durable.seq };
    durable.store.apply(entry);
    replicate(entry);
    const response: KvResponse = { kind: 'kv.response', requestId: request.requestId, outcome: 'ok' };
    if (required === 0) {
      observer.leaderAckedWrite(me);
      ctx.send(client, response);
    } else {
      pending.set(entry.seq, { client, response, acked: new Set() });
    }
  };

  const onAppendAck = (from: string, message: Extract<ReplicaMessage, { kind: 'lf.append-ack' }>): void => {
    if (!leading || message.epoch !== durable.epoch) return;
    lastAnsweredUs.set(from, ctx.nowUs());
    for (const seq of message.seqs) {
      unacked.get(from)?.delete(seq);
      const write = pending.get(seq);
      if (!write) continue;
      write.acked.add(from);
      if (write.acked.size >= required) {
        pending.delete(seq);
        observer.leaderAckedWrite(me);
        ctx.send(write.client, write.response);
      }
    }
  };

  /** Fencing: answers a message from an older epoch with the newer one; true when it was stale. */
  const rejectStale = (from: string, epoch: number): boolean => {
    if (!fencing || epoch >= durable.epoch) return false;
    ctx.send(from, { kind: 'lf.stale', epoch: durable.epoch } satisfies ReplicaMessage);
    return true;
  };

  /** Detector mode: the leader this follower knows is suspected (it knows one, itself aside). */
  const leaderSuspected = (): boolean =>
    monitor !== null && leaderGuess !== null && leaderGuess !== me && monitor.isSuspected(leaderGuess);

  /**
   * Detector mode: starts an election after a random delay of up to one heartbeat interval (so
   * that followers suspecting together rarely split the vote), if the leader is still suspected
   * then. At most one attempt is pending.
   */
  const considerElection = (): void => {
    if (config.failover !== 'automatic' || leading || election !== null || electionAttempt !== null || !leaderSuspected()) return;
    electionAttempt = ctx.setTimer(jitter.next() * config.heartbeatIntervalUs, () => {
      electionAttempt = null;
      if (!leading && election === null && leaderSuspected()) startElection();
    });
  };

  /** Whether this replica still follows a live leader (leads itself), and so refuses votes. */
  const followsLiveLeader = (): boolean => {
    if (leading) return true;
    if (monitor === null) return ctx.nowUs() - lastHeardUs < config.failoverTimeoutUs;
    return leaderGuess !== null && leaderGuess !== me && !monitor.isSuspected(leaderGuess);
  };

  const onLeaderContact = (from: string, epoch: number): void => {
    if (leading && !fencing) return; // an unfenced leader never learns it was replaced
    adoptEpoch(epoch, from);
    if (leading) return;
    leaderGuess = from;
    lastHeardUs = ctx.nowUs();
  };

  const onReplicaMessage = (from: string, message: ReplicaMessage): void => {
    switch (message.kind) {
      case 'lf.heartbeat':
        if (rejectStale(from, message.epoch)) return;
        onLeaderContact(from, message.epoch);
        // check-quorum: the leader counts who answers (an empty acknowledgement).
        if (config.checkQuorum && !leading) ctx.send(from, { kind: 'lf.append-ack', epoch: message.epoch, seqs: [] } satisfies ReplicaMessage);
        return;
      case 'lf.append': {
        if (rejectStale(from, message.epoch)) return;
        onLeaderContact(from, message.epoch);
        for (const entry of message.entries) {
          durable.store.apply(entry);
          durable.seq = Math.max(durable.seq, entry.seq);
        }
        ctx.send(from, { kind: 'lf.append-ack', epoch: message.epoch, seqs: message.entries.map((e) => e.seq) } satisfies ReplicaMessage);
        return;
      }
      case 'lf.append-ack':
        onAppendAck(from, message);
        return;
      case 'lf.stale':
        // The epoch itself is adopted from the new leader's heartbeat, which also brings the resync.
        if (message.epoch > durable.epoch && leading) {
          stepDown();
          leaderGuess = null;
        }
        return;
      case 'lf.sync-request':
        if (leading) ctx.send(from, { kind: 'lf.snapshot', epoch: durable.epoch, entries: durable.store.snapshot() } satisfies ReplicaMessage);
        return;
      case 'lf.snapshot':
        if (!leading && message.epoch >= durable.epoch) {
          durable.store.replaceWith(message.entries, message.epoch);
          durable.seq = Math.max(durable.seq, durable.store.position.seq);
        }
        return;
      case 'lf.vote-request': {
        // Detector mode: the leader itself asking for votes no longer leads (it restarted or
        // stepped down), though the detector rightly trusts it.
        if (monitor !== null && leaderGuess === from) leaderGuess = null;
        const mine = durable.store.position;
        const candidate = { epoch: message.positionEpoch, seq: message.positionSeq };
        const granted = !followsLiveLeader() && message.epoch > durable.votedEpoch && message.epoch > durable.epoch && !newer(mine, candidate);
        if (granted) durable.votedEpoch = message.epoch;
        // Detector mode: a voter without a leader gives its candidate a timeout to win.
        if (granted && monitor !== null) lastHeardUs = ctx.nowUs();
        ctx.send(from, { kind: 'lf.vote', epoch: message.epoch, granted } satisfies ReplicaMessage);
        return;
      }
      case 'lf.vote':
        if (election && message.granted && message.epoch === election.epoch) {
          election.votes.add(from);
          if (election.votes.size >= majority) winElection();
        }
        return;
    }
  };

  const monitor = startReplicaMonitor(ctx, config, observer, others, (target) => {
    if (target === leaderGuess) considerElection();
  });

  if (leading) {
    observer.setLeader(me, durable.epoch);
  } else if (!firstStart) {
    observer.setLeader(me, null);
  }
  tick();

  const onMessage = (from: string, message: unknown): void => {
    observer.tick();
    if (isKvRequest(message)) onClientRequest(from, message);
    else if (isReplicaMessage(message)) onReplicaMessage(from, message);
  };
  return withMonitor(ctx, monitor, onMessage);
}
