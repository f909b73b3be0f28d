// Reads GitHub workflow-command lines back (`::error file=…,line=…::message`), undoing the
// escaping, for tests of the github formats.

export interface ParsedAnnotation {
  readonly level: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly message: string;
}

const COMMAND_PATTERN = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** Every annotation line of `output`; other lines are ignored. */
export function parseAnnotations(output: string): ParsedAnnotation[] {
  return output.split('\n').flatMap((line) => {
    const match = COMMAND_PATTERN.exec(line);
    if (match === null) return [];
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter((text) => text !== '')) {
      const equals = pair.indexOf('=');
      properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
    }
    return [{ level: match[1], properties, message: unescapeData(match[3]) }];
  });
}
