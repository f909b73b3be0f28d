// The files `ddsim init` plans for each template: names, the schema line first, the base name
// substituted everywhere, a model module only for the custom template. (Running what it writes:
// test/cli/commands/init.test.ts.)

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBaseName, planInit } from '../../src/init/init-plan.js';
import { STARTER_TEMPLATES, starterTemplate } from '../../src/init/registry.js';

const SCHEMA = '/opt/ddsim/schema/scenario.schema.json';

function plan(templateName: string, options: { baseName?: string; language?: 'js' | 'ts' } = {}) {
  return planInit({
    template: starterTemplate(templateName)!,
    baseName: options.baseName ?? templateName,
    language: options.language ?? 'js',
    targetDir: '/home/ana/sims',
    schemaFile: SCHEMA,
  });
}

describe('planInit', () => {
  it('writes one scenario for a built-in model, starting with the schema line and its name', () => {
    for (const name of ['request-response', 'replication']) {
      const files = plan(name, { baseName: 'mine' });
      expect(files.map((file) => [file.path, file.kind])).toEqual([['/home/ana/sims/mine.yaml', 'scenario']]);
      const lines = files[0].text.split('\n');
      expect(lines[0]).toBe('# yaml-language-server: $schema=../../../opt/ddsim/schema/scenario.schema.json');
      expect(files[0].text).toMatch(/^name: mine$/m);
      expect(files[0].text).toContain('ddsim run mine.yaml');
    }
  });

  it('writes the custom scenario and the model it points at, in the chosen language', () => {
    for (const language of ['js', 'ts'] as const) {
      const [scenario, model] = plan('custom', { baseName: 'echo', language });
      expect(scenario.path).toBe(path.join('/home/ana/sims', 'echo.yaml'));
      expect(model).toMatchObject({ path: path.join('/home/ana/sims', `echo-model.${language}`), kind: 'model' });
      expect(scenario.text).toMatch(new RegExp(`^  model: \\./echo-model\\.${language}$`, 'm'));
      expect(model.text).toContain("name: 'echo',");
      expect(model.text).toContain('ddsim run echo.yaml');
    }
    expect(plan('custom', { language: 'ts' })[1].text).toContain("import type { NodeBehaviour, NodeContext, SystemModel, TimerHandle } from 'ddsim';");
    expect(plan('custom', { language: 'js' })[1].text).not.toMatch(/^import /m); // runs where ddsim is not installed
  });

  it('leaves nothing unsubstituted', () => {
    for (const template of STARTER_TEMPLATES) {
      for (const file of plan(template.name, { language: 'ts' })) expect(file.text).not.toMatch(/\$\{|(?<!=== )undefined/);
    }
  });
});

describe('normalizeBaseName', () => {
  it('drops a .yaml extension and refuses paths and odd characters', () => {
    expect(normalizeBaseName('my-sim')).toBe('my-sim');
    expect(normalizeBaseName('my-sim.yaml')).toBe('my-sim');
    expect(normalizeBaseName('v1.2_test.yml')).toBe('v1.2_test');
    for (const bad of ['', 'a/b', '..', '-x', 'a b', '.yaml', 'x'.repeat(101)]) expect(normalizeBaseName(bad)).toBeNull();
  });
});
