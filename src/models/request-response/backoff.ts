// How long a client waits before retrying a failed request: exponential backoff from
// `backoff.base`, capped at `backoff.max`, with full, equal or no jitter.

import type { RandomStream } from '../../model/api.js';
import type { RequestResponseConfig } from './config.js';

/** Exponential backoff after the given number of attempts, capped, with jitter. */
export function backoffUs(attemptCount: number, config: RequestResponseConfig, stream: RandomStream): number {
  const ceilingUs = Math.min(config.backoffMaxUs, config.backoffBaseUs * 2 ** (attemptCount - 1));
  switch (config.backoffJitter) {
    case 'full':
      return ceilingUs * stream.next();
    case 'equal':
      return ceilingUs / 2 + (ceilingUs / 2) * stream.next();
    case 'none':
      return ceilingUs;
  }
}
