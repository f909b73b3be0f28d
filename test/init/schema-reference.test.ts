// The schema line of a written scenario: a relative path to the package's JSON Schema when there
// is one, the absolute path when there is none (another drive on Windows).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot, scenarioSchemaFile, schemaLine, schemaReference } from '../../src/init/schema-reference.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('schemaReference', () => {
  it('finds the package root beside its own module, and the schema under it', () => {
    expect(path.resolve(packageRoot())).toBe(path.resolve(ROOT));
    expect(scenarioSchemaFile()).toBe(path.join(packageRoot(), 'schema', 'scenario.schema.json'));
  });

  it('is relative, with ./ below the scenario and ../ above it', () => {
    const schema = '/home/ana/project/node_modules/ddsim/schema/scenario.schema.json';
    expect(schemaReference('/home/ana/project', schema, path.posix)).toBe('./node_modules/ddsim/schema/scenario.schema.json');
    expect(schemaReference('/home/ana/project/scenarios/net', schema, path.posix)).toBe('../../node_modules/ddsim/schema/scenario.schema.json');
  });

  it('uses forward slashes on Windows, and the absolute path across drives', () => {
    const schema = 'C:\\tools\\ddsim\\schema\\scenario.schema.json';
    expect(schemaReference('C:\\work\\sim', schema, path.win32)).toBe('../../tools/ddsim/schema/scenario.schema.json');
    expect(schemaReference('D:\\work', schema, path.win32)).toBe('C:/tools/ddsim/schema/scenario.schema.json');
  });

  it('makes the yaml-language-server modeline', () => {
    expect(schemaLine('./schema.json')).toBe('# yaml-language-server: $schema=./schema.json');
  });
});
