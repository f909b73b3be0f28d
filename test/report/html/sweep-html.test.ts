// The HTML report of `ddsim sweep` (--format html, --report): the summary table (one row per
// combination), a heat map with one cell per grid cell for two varied paths (none for one), the
// failing runs' reproduce commands, nothing referenced outside the file, the same bytes whatever
// the worker count, and --report refused over an existing file without --force.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory } from '../../sweep/cli-helpers.js';
import { attributeValues, countOf, svgOf } from './html-structure.js';

const SMALL = 'test/sweep/fixtures/small.yaml';
const TWO_PATHS = ['--vary', 'network.loss=0,0.05,0.1', '--vary', 'workload.timeout=50ms,200ms', '--seeds', '1..2'];

describe('the HTML report of a sweep', async () => {
  const json = JSON.parse((await runCli(['sweep', SMALL, ...TWO_PATHS, '--workers', '1', '--format', 'json'])).stdout);
  const dir = temporaryDirectory();
  const reportFile = join(dir, 'sweep.html');
  const html = await runCli(['sweep', SMALL, ...TWO_PATHS, '--workers', '2', '--format', 'html', '--report', reportFile]);
  const page = html.stdout;

  it('has a row per combination and a heat-map cell per grid cell', () => {
    expect(countOf(page, '<tr class="combination"')).toBe(json.combinations.length);
    const heatmap = svgOf(page, 'heatmap');
    const rows = attributeValues(heatmap, 'cell[^"]*', 'data-row');
    const columns = attributeValues(heatmap, 'cell[^"]*', 'data-column');
    expect(rows).toHaveLength(json.grid.cells.flat().length);
    expect(rows).toHaveLength(3 * 2);
    expect(rows.map((row, index) => `${row},${columns[index]}`)).toEqual(
      json.grid.cells.flatMap((cells: number[], row: number) => cells.map((_cell, column) => `${row},${column}`)),
    );
    for (const value of [...json.grid.rowValues, ...json.grid.columnValues]) expect(heatmap).toContain(`>${value}</text>`);
  });

  it('marks failing cells, lists the failing runs to reproduce, and references nothing outside itself', () => {
    const failing = json.combinations.filter((combination: { okRuns: number; runs: number }) => combination.okRuns < combination.runs);
    expect(countOf(svgOf(page, 'heatmap'), 'class="cell failing"')).toBe(failing.length);
    for (const combination of failing) expect(page).toContain(combination.firstFailure.reproduce);
    expect(page).not.toMatch(/https?:\/\//);
    expect(countOf(page, '<script>')).toBe(1);
  });

  it('writes the same page to --report, with the same bytes as a run on one worker', async () => {
    expect(readFileSync(reportFile, 'utf8')).toBe(page);
    const again = await runCli(['sweep', SMALL, ...TWO_PATHS, '--workers', '1', '--format', 'html']);
    expect(again.stdout).toBe(page);
  });

  it('has no heat map with one varied path', async () => {
    const one = await runCli(['sweep', SMALL, '--seeds', '1..2', '--workers', '1', '--format', 'html']);
    expect(one.stdout).toContain('<table class="sweep">');
    expect(one.stdout).not.toContain('<svg class="heatmap"');
  });

  it('refuses to replace an existing --report without --force, before running', async () => {
    const file = join(temporaryDirectory(), 'old.html');
    writeFileSync(file, 'old');
    const refused = await runCli(['sweep', SMALL, '--seeds', '1..1', '--workers', '1', '--report', file]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/the file exists.*--force/);
    const forced = await runCli(['sweep', SMALL, '--seeds', '1..1', '--workers', '1', '--report', file, '--force']);
    expect(forced.code).not.toBe(2);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
