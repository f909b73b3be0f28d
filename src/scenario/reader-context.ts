// What every reader of one scenario shares: the YAML document (to resolve aliases), the problem
// collector, and the topology once `nodes:` is read (for node names in other sections).

import type { Document } from 'yaml';
import type { ProblemCollector } from './problem-collector.js';

export interface Topology {
  /** Node names in declaration order; empty until `nodes:` is read. */
  nodeNames: readonly string[];
  /**
   * False when `nodes:` itself had problems: then a name that matches no node is not reported
   * (it is most likely the consequence of the first problem, not a second one).
   */
  complete: boolean;
}

export interface ReaderContext {
  readonly document: Document;
  readonly problems: ProblemCollector;
  readonly topology: Topology;
}
