import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isModulePath, modelShapeProblem } from '../../src/scenario/resolve-model.js';
import { fakeRequestResponseModel, load, minimal, problemsOf, resolveFakeModel, where } from './scenario-test-helpers.js';

const modelSource = (exportLine: string) => `
const model = {
  name: 'echo',
  description: 'test model',
  parseConfig: ({ system }) => ({ greeting: system.string('greeting', { default: 'hi' }) }),
  metricNames: () => ['echoes'],
  createShared: () => null,
  createNode: () => null,
};
${exportLine}
`;

describe('resolving models', () => {
  test('module paths are recognized', () => {
    expect(['./m.ts', '../m.js', '/abs/m.mjs', 'models/m.ts'].map(isModulePath)).toEqual([true, true, true, true]);
    expect(isModulePath('request-response')).toBe(false);
  });

  test('an unknown built-in name gets a did-you-mean', async () => {
    const problems = await problemsOf(minimal().replace('model: request-response', 'model: request-respons'));
    expect(problems.map((p) => [where(p), p.message])).toEqual([
      [
        'test.yaml:4:10 system.model',
        'unknown model "request-respons" (did you mean `request-response`?); a model module path starts with ./',
      ],
    ]);
  });

  test('a .js module (default export) and a .ts module (named `model` export) load relative to the scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-model-'));
    writeFileSync(join(dir, 'echo.mjs'), modelSource('export default model;'));
    writeFileSync(join(dir, 'echo.ts'), modelSource('export { model };').replace('({ system })', '({ system }: any)'));
    const text = 'duration: 1s\nnodes: [a]\nsystem: { model: ./echo.mjs, greeting: hello }\nexpect: ["echoes > 0"]\n';
    const fromJs = await load(text, { file: join(dir, 'echo.yaml') });
    expect(fromJs.system).toMatchObject({ modelName: './echo.mjs', config: { greeting: 'hello' } });
    const fromTs = await load(text.replace('./echo.mjs', './echo.ts'), { file: join(dir, 'echo.yaml') });
    expect(fromTs.system.model.name).toBe('echo');
  });

  test('a module that is not a model, or that is missing, is a located problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-model-'));
    writeFileSync(join(dir, 'nothing.mjs'), 'export const x = 1;\n');
    const text = (model: string) => `duration: 1s\nnodes: [a]\nsystem: { model: ${model} }\n`;
    const notAModel = await problemsOf(text('./nothing.mjs'), { file: join(dir, 's.yaml') });
    expect(notAModel.map((p) => [p.line, p.column, p.path, p.message])).toEqual([
      [3, 18, 'system.model', 'model module ./nothing.mjs has no default export and no `model` export'],
    ]);
    const missing = await problemsOf(text('./missing.mjs'), { file: join(dir, 's.yaml') });
    expect(missing[0].message).toMatch(/^cannot load model module \.\/missing\.mjs/);
  });

  test('the shape check names what is missing', () => {
    expect(modelShapeProblem(fakeRequestResponseModel)).toBeNull();
    expect(modelShapeProblem({ name: 'x', parseConfig() {} })).toBe(
      'the model lacks `createNode()`, `createShared()`, `metricNames()`',
    );
    expect(modelShapeProblem(42)).toBe('the export is not a model object (got number)');
  });

  test('the fake resolver is what the other tests use', async () => {
    expect(await resolveFakeModel('request-response', '.')).toBe(fakeRequestResponseModel);
  });
});
