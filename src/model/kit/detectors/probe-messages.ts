// The messages of failure detection: a monitor's probe (ping) and the target's answer (pong),
// which is the heartbeat the detectors listen for. A target answers with answerProbe(); any model
// whose nodes are monitored calls it first in onMessage. Depends only on the model API.

import type { NodeContext } from '../../api.js';

export interface ProbeMessage {
  readonly kind: 'ddsim.probe';
  /** Per monitor and target, increasing: tells a health check which probe was answered. */
  readonly sequence: number;
}

export interface ProbeReplyMessage {
  readonly kind: 'ddsim.probe-reply';
  readonly sequence: number;
}

export function isProbe(message: unknown): message is ProbeMessage {
  return (message as { kind?: unknown } | null)?.kind === 'ddsim.probe';
}

export function isProbeReply(message: unknown): message is ProbeReplyMessage {
  return (message as { kind?: unknown } | null)?.kind === 'ddsim.probe-reply';
}

/** Answers a probe; returns true when `message` was one (the caller then ignores it). */
export function answerProbe(ctx: NodeContext, from: string, message: unknown): boolean {
  if (!isProbe(message)) return false;
  const reply: ProbeReplyMessage = { kind: 'ddsim.probe-reply', sequence: message.sequence };
  ctx.send(from, reply);
  return true;
}
