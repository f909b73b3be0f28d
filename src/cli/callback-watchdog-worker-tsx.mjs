// Watchdog entry used when ddsim runs from TypeScript sources (vitest): registers tsx in this
// thread, then loads the real watchdog. The compiled build uses callback-watchdog-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./callback-watchdog-worker.ts');
