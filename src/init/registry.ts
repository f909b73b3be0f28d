// The starter templates of `ddsim init`: one line per template. The first is the default.

import type { StarterTemplate } from './starter-template.js';
import { customTemplate } from './templates/custom.js';
import { replicationTemplate } from './templates/replication.js';
import { requestResponseTemplate } from './templates/request-response.js';

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  requestResponseTemplate,
  replicationTemplate,
  customTemplate,
];

export const DEFAULT_TEMPLATE_NAME = STARTER_TEMPLATES[0].name;

export function starterTemplate(name: string): StarterTemplate | undefined {
  return STARTER_TEMPLATES.find((template) => template.name === name);
}

export function starterTemplateNames(): string[] {
  return STARTER_TEMPLATES.map((template) => template.name);
}
