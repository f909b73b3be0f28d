// `final:` -> the final phase of a run, as Jepsen and Maelstrom have it: after the workload and the
// drain, every fault is reverted and the network heals, the run waits `quiet` for replicas to
// converge, then the model's final reads run (and checks such as no-lost-writes read them).
//
//   final: { quiet: 5s }
//
// A model that does final reads gets the phase with the default quiet period even without the key.

import type { FinalPhaseSpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';

export const FINAL_QUIET_DEFAULT_US = 5_000_000;
/** One simulated hour: enough for any convergence, small enough to catch a unit mistake. */
export const FINAL_QUIET_MAX_US = 3600 * 1_000_000;

export function parseFinal(root: YamlConfigReader): FinalPhaseSpec | null {
  const section = root.section('final');
  if (section === null) return null;
  const quietUs = section.duration('quiet', { default: FINAL_QUIET_DEFAULT_US, min: 0, max: FINAL_QUIET_MAX_US });
  section.finish();
  return { quietUs };
}
