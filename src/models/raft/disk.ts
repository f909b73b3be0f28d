// A server's disk, for the latency of persisting (term, vote, log entries) before replying: one
// write at a time, each taking a draw of `disk-write`; whatever is asked to be persisted while a
// write is under way goes into the next write together (group commit, as etcd and LogCabin batch
// their fsyncs). The data itself is in ctx.durable at once: a crash during a write keeps it, as if
// the write had completed just before the crash. What the disk delays is the reply that must not
// leave before the data is safe. Timers die with a crash, and so do waiting callbacks.

import type { NodeContext, RandomStream } from '../../model/api.js';
import type { DistributionSpec } from '../../model/distribution.js';

export class Disk {
  private writing = false;
  private next: (() => void)[] = [];

  constructor(
    private readonly ctx: NodeContext,
    private readonly writeLatency: DistributionSpec,
    private readonly stream: RandomStream,
  ) {}

  /** A write is under way or waiting. */
  get busy(): boolean {
    return this.writing || this.next.length > 0;
  }

  /** Calls `done` once what was changed until now is on disk. */
  persist(done: () => void): void {
    this.next.push(done);
    if (!this.writing) this.startWrite();
  }

  private startWrite(): void {
    this.writing = true;
    const batch = this.next;
    this.next = [];
    this.ctx.setTimer(this.ctx.sample(this.writeLatency, this.stream) * this.ctx.slowFactor(), () => {
      this.writing = false;
      for (const done of batch) done();
      if (this.next.length > 0) this.startWrite();
    });
  }
}
