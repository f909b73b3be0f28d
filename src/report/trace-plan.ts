// The first pass of the trace writer over a captured run: which deliveries get a flow arrow
// (those whose send was captured too) under which flow id, and each node's down and paused
// periods with both ends. Knowing these before writing lets the writer put a flow's start right
// after its send slice, and a period's slice before anything else at the time it starts, which
// is the order in which Perfetto binds flows to slices and nests slices properly.

import type { CapturedNodeStatus, CapturedRun } from '../capture/event-capture.js';

export type NodeDownStatus = Exclude<CapturedNodeStatus, 'up'>;

export interface StatusPeriod {
  readonly node: string;
  readonly status: NodeDownStatus;
  readonly fromUs: number;
  /** The next change, or the window's end. */
  toUs: number;
}

export interface TracePlan {
  /** Per message id, the flow ids of its deliveries, in delivery order. */
  readonly flowIdsBySend: ReadonlyMap<number, readonly number[]>;
  /** Per index of a deliver record, its flow id (deliveries whose send was not captured have none). */
  readonly flowIdByRecord: ReadonlyMap<number, number>;
  /** In the order they start (those open when the window opens first, in node order). */
  readonly statusPeriods: readonly StatusPeriod[];
}

export function planTrace(captured: CapturedRun): TracePlan {
  const flowIdsBySend = new Map<number, number[]>();
  const flowIdByRecord = new Map<number, number>();
  const statusPeriods: StatusPeriod[] = [];
  const open = new Map<string, StatusPeriod>();
  const openPeriod = (node: string, status: CapturedNodeStatus, fromUs: number): void => {
    if (status === 'up') return;
    const period: StatusPeriod = { node, status, fromUs, toUs: captured.toUs };
    statusPeriods.push(period);
    open.set(node, period);
  };
  captured.nodeNames.forEach((node, i) => openPeriod(node, captured.statusAtStart[i]!, captured.fromUs));
  captured.records.forEach((record, index) => {
    if (record.kind === 'send') {
      flowIdsBySend.set(record.messageId, []);
    } else if (record.kind === 'deliver') {
      const flowIds = flowIdsBySend.get(record.messageId);
      if (flowIds === undefined) return; // sent before the window, or past the cap
      const flowId = flowIdByRecord.size + 1;
      flowIds.push(flowId);
      flowIdByRecord.set(index, flowId);
    } else if (record.kind === 'status') {
      const period = open.get(record.node);
      if (period !== undefined) period.toUs = record.timeUs;
      open.delete(record.node);
      openPeriod(record.node, record.status, record.timeUs);
    }
  });
  return { flowIdsBySend, flowIdByRecord, statusPeriods };
}
