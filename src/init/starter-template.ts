// What a starter template of `ddsim init` is: a name, a one-line summary, and a function from
// the names of the files being written to the text of the starter scenario. Plain data and pure
// functions: the CLI decides where the files go and writes them.

/** What a template's scenario text may refer to. */
export interface StarterContext {
  /** The scenario's `name:` and the base of its file name (`<baseName>.yaml`). */
  readonly baseName: string;
  /** The scenario file's name, as the comments' `ddsim run` commands give it. */
  readonly scenarioFileName: string;
  /** The model module's file name (`<baseName>-model.js` or `.ts`), or null without one. */
  readonly modelFileName: string | null;
}

export interface StarterTemplate {
  readonly name: string;
  /** One line for `ddsim init --help` and the list of templates. */
  readonly summary: string;
  /** The scenario runs a model module of its own, written beside it (the model skeleton). */
  readonly writesModel: boolean;
  /** The scenario's text after its schema line: comments, then YAML, ending in a newline. */
  scenarioText(context: StarterContext): string;
}
