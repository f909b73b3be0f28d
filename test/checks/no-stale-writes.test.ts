// The `no-stale-writes` check on hand-built lease facts: what makes a write stale (its lease had
// run out in true time and the lock had gone to another client), what does not, and what it
// cannot judge.

import { describe, expect, it } from 'vitest';
import { findStaleWrites, noStaleWritesCheck } from '../../src/checks/no-stale-writes.js';
import type { AcceptedWrite, LeaseRecord, LockFacts } from '../../src/model/lock-facts.js';
import type { RecordedFacts } from '../../src/model/facts.js';

const s = (seconds: number): number => seconds * 1_000_000;

/** A lease granted at `fromS`, valid for `forS` seconds (true time). */
const lease = (client: string, token: number, fromS: number, forS: number): LeaseRecord => ({
  client,
  token,
  grantedUs: s(fromS),
  valid: [{ fromUs: s(fromS), toUs: s(fromS + forS) }],
});
const write = (client: string, token: number, atS: number): AcceptedWrite => ({ client, token, acceptedUs: s(atS) });

const factsOf = (lock: Partial<LockFacts> | null): RecordedFacts => ({
  history: [],
  historyTruncated: false,
  metrics: {},
  modelConfig: null,
  modelFacts: lock,
});

describe('no-stale-writes', () => {
  const handOver = [lease('a', 1, 0, 10), lease('b', 2, 11, 10)];

  it('a write after the lease ran out, once the lock went to another client, is stale', () => {
    const stale = findStaleWrites(handOver, [write('a', 1, 5), write('b', 2, 12), write('a', 1, 17)]);
    expect(stale).toEqual([{ write: write('a', 1, 17), leaseExpiredUs: s(10), holder: handOver[1] }]);
  });

  it('is not stale: within the lease, after expiry with nobody else granted, or superseded only by the same client', () => {
    expect(findStaleWrites(handOver, [write('a', 1, 9.999)])).toEqual([]);
    // Expired, but the next grant came later than the write.
    expect(findStaleWrites(handOver, [write('a', 1, 10.5)])).toEqual([]);
    // Expired, and the only newer grant went to the writer itself.
    expect(findStaleWrites([lease('a', 1, 0, 10), lease('a', 2, 11, 10)], [write('a', 1, 12)])).toEqual([]);
  });

  it('a renewal extends the lease; a stretch after a gap counts from its own start', () => {
    const renewed: LeaseRecord = {
      client: 'a',
      token: 1,
      grantedUs: 0,
      valid: [
        { fromUs: 0, toUs: s(15) },
        { fromUs: s(20), toUs: s(30) },
      ],
    };
    const other = lease('b', 2, 16, 1);
    expect(findStaleWrites([renewed, other], [write('a', 1, 14), write('a', 1, 25)])).toEqual([]);
    expect(findStaleWrites([renewed, other], [write('a', 1, 18)])).toEqual([{ write: write('a', 1, 18), leaseExpiredUs: s(15), holder: other }]);
  });

  it('names the latest other holder before the write', () => {
    const leases = [lease('a', 1, 0, 10), lease('b', 2, 11, 2), lease('c', 3, 14, 10), lease('d', 4, 30, 10)];
    expect(findStaleWrites(leases, [write('a', 1, 20)])[0]!.holder.client).toBe('c');
  });

  it('reports the violation with a witness and marks; passes, or answers unknown, otherwise', () => {
    const failed = noStaleWritesCheck(factsOf({ leases: handOver, acceptedWrites: [write('a', 1, 17)], truncated: false }));
    expect(failed.ok).toBe(false);
    expect(failed.observed).toBe('1 stale write accepted');
    expect(failed.witness).toMatchObject({ client: 'a', token: 1, leaseExpiredMs: 10_000, writeAcceptedMs: 17_000, holder: { client: 'b', token: 2, grantedMs: 11_000 }, staleWriteCount: 1 });
    expect(failed.marks).toEqual([{ atMs: 17_000, label: 'a writes with expired token 1; b holds token 2' }]);
    expect(noStaleWritesCheck(factsOf({ leases: handOver, acceptedWrites: [write('a', 1, 5)], truncated: false }))).toEqual({ ok: true, observed: '0 stale writes' });
    expect(noStaleWritesCheck(factsOf({ leases: handOver, acceptedWrites: [], truncated: true })).observed).toMatch(/unknown/);
    expect(noStaleWritesCheck(factsOf(null)).observed).toMatch(/unknown/);
  });
});
