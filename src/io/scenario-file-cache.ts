// Scenario files read and parsed once, then loaded many times: a sweep worker runs the same file
// with hundreds of `--set`/seed combinations, and reading and parsing it took longer than a short
// run. Each load applies its own `--set`s and seed to a copy of the parsed document, so it gives
// exactly what `loadScenarioFile` (`ddsim run <file> --seed S --set ...`) gives. An entry lives as
// long as its cache: a sweep worker's life, i.e. one sweep; a file edited between two sweeps is
// read again by the next one. Files that cannot be read or parsed are not kept (every load reports
// them afresh; a syntax error is kept, as the problems it gives). Bounded: FILE_COUNT_MAX files.

import { resolve } from 'node:path';
import { parseScenarioText, type ParsedScenarioText } from '../scenario/parsed-scenario-text.js';
import type { Scenario } from '../scenario/types.js';
import { loadParsedScenarioFile, readScenarioFileText, type ScenarioFileOptions } from './scenario-file.js';

interface CachedFile {
  readonly parsed: ParsedScenarioText;
  readonly scenarioDir: string;
}

export class ScenarioFileCache {
  /** A sweep has one file; explore and tests a few. Past this, the oldest entry goes. */
  static readonly FILE_COUNT_MAX = 16;
  private readonly files = new Map<string, CachedFile>();
  private readCount = 0;

  /** How many times a file was read from disk (for tests). */
  get reads(): number {
    return this.readCount;
  }

  async load(file: string, options: ScenarioFileOptions): Promise<Scenario> {
    const cached = this.cachedFile(file, options.cwd);
    return loadParsedScenarioFile(cached.parsed, {
      sets: options.sets,
      scenarioDir: cached.scenarioDir,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
  }

  private cachedFile(file: string, cwd: string): CachedFile {
    // Keyed by the path as written and the directory: `file` is what every message names.
    const key = `${resolve(cwd)}\0${file}`;
    const found = this.files.get(key);
    if (found !== undefined) return found;
    this.readCount++;
    const { text, scenarioDir } = readScenarioFileText(file, cwd); // throws InputError: not kept
    const entry: CachedFile = { parsed: parseScenarioText(file, text), scenarioDir };
    if (this.files.size >= ScenarioFileCache.FILE_COUNT_MAX) this.files.delete(this.files.keys().next().value!);
    this.files.set(key, entry);
    return entry;
  }
}
