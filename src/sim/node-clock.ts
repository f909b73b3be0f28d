// One node's two clocks, exact and piecewise linear in true time (never sampled): the time-of-day
// clock (true time plus an offset that grows with drift and slew and is stepped by
// synchronization and clock faults) and the monotonic clock (runs at the oscillator's rate, 1 +
// drift, from 0 at time 0, never stepped). Every change rebases both at the instant it happens,
// so each stays continuous where it should be.

import { assert } from '../model/assert.js';

const PER_PPM = 1e-6;

export class NodeClock {
  private baseTrueUs = 0;
  private baseOffsetUs: number;
  private baseMonotonicUs = 0;
  private driftPpmValue: number;
  private slewPpmValue = 0;

  constructor(driftPpm: number, offsetUs: number) {
    assertRate(driftPpm);
    this.driftPpmValue = driftPpm;
    this.baseOffsetUs = offsetUs;
  }

  get driftPpm(): number {
    return this.driftPpmValue;
  }

  get slewPpm(): number {
    return this.slewPpmValue;
  }

  /** The time-of-day clock's rate relative to true time, minus 1, in ppm. */
  get offsetRatePpm(): number {
    return this.driftPpmValue + this.slewPpmValue;
  }

  offsetAt(trueUs: number): number {
    return this.baseOffsetUs + (trueUs - this.baseTrueUs) * (this.driftPpmValue + this.slewPpmValue) * PER_PPM;
  }

  monotonicAt(trueUs: number): number {
    return this.baseMonotonicUs + (trueUs - this.baseTrueUs) * (1 + this.driftPpmValue * PER_PPM);
  }

  /** True time that passes while the monotonic clock advances by `monotonicUs`. */
  trueSpanOf(monotonicUs: number): number {
    return monotonicUs / (1 + this.driftPpmValue * PER_PPM);
  }

  /** Steps the time-of-day clock by `deltaUs` (negative: backwards); monotonic unaffected. */
  step(trueUs: number, deltaUs: number): void {
    this.rebase(trueUs);
    this.baseOffsetUs += deltaUs;
  }

  setDrift(trueUs: number, driftPpm: number): void {
    assertRate(driftPpm);
    this.rebase(trueUs);
    this.driftPpmValue = driftPpm;
  }

  /** Slewing changes only the time-of-day clock's rate (the monotonic clock keeps the oscillator's). */
  setSlew(trueUs: number, slewPpm: number): void {
    this.rebase(trueUs);
    this.slewPpmValue = slewPpm;
  }

  private rebase(trueUs: number): void {
    assert(trueUs >= this.baseTrueUs, `clock rebased backwards: ${trueUs} < ${this.baseTrueUs}`);
    this.baseOffsetUs = this.offsetAt(trueUs);
    this.baseMonotonicUs = this.monotonicAt(trueUs);
    this.baseTrueUs = trueUs;
  }
}

function assertRate(driftPpm: number): void {
  assert(Number.isFinite(driftPpm) && driftPpm > -1e6, `clock drift ${driftPpm} ppm would stop or reverse the clock`);
}
