// The schema as the shipped file holds it: two-space JSON with a final newline, so that
// `ddsim schema > schema/scenario.schema.json` and the staleness test compare the same text.

import type { SystemModel } from '../../model/api.js';
import { scenarioSchema } from './scenario-schema.js';

export async function scenarioSchemaText(models: readonly SystemModel<unknown, unknown>[]): Promise<string> {
  return `${JSON.stringify(await scenarioSchema(models), null, 2)}\n`;
}
