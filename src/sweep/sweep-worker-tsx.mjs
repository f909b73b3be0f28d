// Worker entry used when the sweep runs from TypeScript sources (vitest): registers tsx in this
// thread, then loads the real worker. The compiled build uses sweep-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
