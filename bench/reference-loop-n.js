'use strict';
// bench/reference-loop-n.js: a copy of ../shared/bench/reference-loop.js (the shared yardstick,
// left as it is) that also takes the node count. What changed from the shared file, and nothing
// else: N is the third argument (default 100, as there) instead of a constant, the mode moves to
// the fourth, and `impl` and the JSON line name N. The loop, the PRNG, the draw order and the
// heap are the shared file's, so with N = 100 it prints the same deliveries, timers, simulated
// time and checksum as the shared loop.
// usage: node bench/reference-loop-n.js [deliveries=1000000] [seed=42] [N=100] [mode=pushpop|replace]
// (a) Hand-optimized JS DES for the "gossip-pingpong" workload.
// usage (shared file): node a-fast.js [deliveries=1000000] [seed=42] [mode=pushpop|replace]
//   mode=pushpop : generic pop-min then push (canonical (a))
//   mode=replace : generic "replace-top" trick: the first event scheduled while
//                  handling an event overwrites the heap root and sifts down
//                  (one sift instead of two). Same event order, same results.
// Workload (see README.md): N=100 nodes; each node sends 1 msg at t=0 to a
// uniformly random other node; on delivery the receiver immediately sends 1 msg
// to a uniformly random other node; latency ~ Exp(mean 10 ms); each transmission
// lost w.p. 0.01 -> sender's retransmit timer fires 50 ms later and resends the
// same message (same dst, fresh loss/latency draws). Stop after D deliveries.
// RNG draw order per transmission: dst (only for new messages), loss, latency.

const N = Number(process.argv[4] || 100); // changed: the shared loop's constant 100
const MEAN_LAT = 10.0;   // ms (simulated)
const P_LOSS = 0.01;
const RTO = 50.0;        // ms (simulated)

const TARGET = Number(process.argv[2] || 1000000);
const SEED = Number(process.argv[3] || 42) >>> 0;
const MODE = process.argv[5] || 'pushpop'; // changed: fourth argument (third in the shared loop)

function run(target, seed, replaceMode) {
  // ---- sfc32 PRNG, state in locals (inlined by hand) ----
  let ra = 0x9E3779B9 | 0, rb = 0x243F6A88 | 0, rc = 0xB7E15162 | 0, rt = 0;
  let rcnt = seed | 0; // sfc32 'd' counter, seeded
  for (let i = 0; i < 15; i++) { // warm-up
    rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
    ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
  }

  // ---- binary min-heap, struct-of-arrays, keyed by (time, seq) ----
  // payload: delivery -> dst*2 ; retransmit timer -> dst*2+1 (dst = the message's dst)
  let cap = 256;
  let hT = new Float64Array(cap), hS = new Float64Array(cap), hP = new Int32Array(cap);
  let size = 0;
  let seq = 0;

  function grow() {
    cap *= 2;
    const t = new Float64Array(cap); t.set(hT); hT = t;
    const s = new Float64Array(cap); s.set(hS); hS = s;
    const p = new Int32Array(cap); p.set(hP); hP = p;
  }

  function push(t, p) {
    if (size === cap) grow();
    const s = seq++;
    let i = size++;
    while (i > 0) {
      const par = (i - 1) >> 1;
      const pt = hT[par];
      if (pt < t || (pt === t && hS[par] < s)) break;
      hT[i] = pt; hS[i] = hS[par]; hP[i] = hP[par];
      i = par;
    }
    hT[i] = t; hS[i] = s; hP[i] = p;
  }

  // place (t,s,p) at the root position and sift down over heap of size n
  function siftDownFromRoot(t, s, p, n) {
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = hT[c], cs = hS[c];
      const c2 = c + 1;
      if (c2 < n) {
        const t2 = hT[c2];
        if (t2 < ct || (t2 === ct && hS[c2] < cs)) { c = c2; ct = t2; cs = hS[c2]; }
      }
      if (t < ct || (t === ct && s < cs)) break;
      hT[i] = ct; hS[i] = cs; hP[i] = hP[c];
      i = c;
    }
    hT[i] = t; hS[i] = s; hP[i] = p;
  }

  function popDiscard() { // remove root
    const n = --size;
    if (n > 0) siftDownFromRoot(hT[n], hS[n], hP[n], n);
  }

  function replaceTop(t, p) { // root is the event being handled; overwrite it
    siftDownFromRoot(t, seq++, p, size);
  }

  // ---- model ----
  let now = 0.0;
  let deliveries = 0, timers = 0, lost = 0;
  let chk = 0; // checksum over delivery destinations

  // initial sends (before the loop, always plain pushes)
  for (let src = 0; src < N; src++) {
    rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
    ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
    let dst = Math.floor((rt >>> 0) * (N - 1) / 4294967296);
    if (dst >= src) dst++;
    rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
    ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
    if ((rt >>> 0) / 4294967296 < P_LOSS) { lost++; push(now + RTO, dst * 2 + 1); continue; }
    rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
    ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
    push(now - MEAN_LAT * Math.log(1 - (rt >>> 0) / 4294967296), dst * 2);
  }

  while (size > 0 && deliveries < target) {
    now = hT[0];
    const p = hP[0];
    let dst;
    if ((p & 1) === 0) {
      // delivery at node p>>1: it immediately sends a new message
      const node = p >> 1;
      deliveries++;
      chk = (chk * 31 + node) % 1000000007;
      rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
      ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
      dst = Math.floor((rt >>> 0) * (N - 1) / 4294967296);
      if (dst >= node) dst++;
    } else {
      // retransmit timer fired: resend same message to same dst
      timers++;
      dst = p >> 1;
    }
    // transmit: loss draw, then latency draw
    rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
    ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
    let nt, np;
    if ((rt >>> 0) / 4294967296 < P_LOSS) {
      lost++;
      nt = now + RTO; np = dst * 2 + 1;
    } else {
      rt = (ra + rb | 0) + rcnt | 0; rcnt = rcnt + 1 | 0;
      ra = rb ^ rb >>> 9; rb = rc + (rc << 3) | 0; rc = rc << 21 | rc >>> 11; rc = rc + rt | 0;
      nt = now - MEAN_LAT * Math.log(1 - (rt >>> 0) / 4294967296); np = dst * 2;
    }
    if (replaceMode) replaceTop(nt, np);
    else { popDiscard(); push(nt, np); }
  }
  return { deliveries, timers, lost, now, chk, heapSize: size };
}

const t0 = process.hrtime.bigint();
const r = run(TARGET, SEED, MODE === 'replace');
const t1 = process.hrtime.bigint();
const events = r.deliveries + r.timers;
const secs = Number(t1 - t0) / 1e9;
console.log(JSON.stringify({
  impl: 'a-fast/' + MODE, nodes: N, seed: SEED, deliveries: r.deliveries, timers: r.timers, events, // changed: nodes
  simTimeMs: +r.now.toFixed(3), checksum: r.chk, heapSize: r.heapSize,
  loopSec: +secs.toFixed(4), loopEventsPerSec: Math.round(events / secs),
  rssMB: +(process.memoryUsage().rss / 1048576).toFixed(1),
}));
