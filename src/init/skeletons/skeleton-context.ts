// What a model skeleton's text may refer to: the model's name and the files it is written with.

export interface SkeletonContext {
  /** The model's `name` (the scenario's base name). */
  readonly modelName: string;
  /** The module's own file name, for its header comment. */
  readonly modelFileName: string;
  /** The scenario that runs it, for the header's `ddsim run` command. */
  readonly scenarioFileName: string;
}

export type ModelLanguage = 'js' | 'ts';
export const MODEL_LANGUAGES: readonly ModelLanguage[] = ['js', 'ts'];
