// Worker entry used when explore runs from TypeScript sources (vitest): registers tsx in this
// thread, then loads the real worker. The compiled build uses explore-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./explore-worker.ts');
