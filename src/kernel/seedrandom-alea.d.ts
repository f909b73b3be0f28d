// Types for seedrandom's alea generator imported by its own path (src/kernel/random-stream.ts):
// @types/seedrandom declares only the package's index, whose `alea` this is.

declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';

  const alea: seedrandom['alea'];
  export default alea;
}
