// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as the runner
// expects: in the message % CR LF become %25 %0D %0A; in property values : and , too (%3A %2C),
// since they separate properties. A message may span lines: the escaped newlines keep the
// command on one line of output.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly file?: string;
  /** 1-based; only with `file`. */
  readonly line?: number;
  readonly column?: number;
  readonly title?: string;
  readonly message: string;
}

export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotationCommand(annotation: Annotation): string {
  const properties: [string, string][] = [];
  if (annotation.file !== undefined) {
    properties.push(['file', annotation.file]);
    if (annotation.line !== undefined) properties.push(['line', String(annotation.line)]);
    if (annotation.line !== undefined && annotation.column !== undefined) properties.push(['col', String(annotation.column)]);
  }
  if (annotation.title !== undefined) properties.push(['title', annotation.title]);
  const propertyText = properties.map(([name, value]) => `${name}=${escapeCommandProperty(value)}`).join(',');
  return `::${annotation.level}${propertyText === '' ? '' : ` ${propertyText}`}::${escapeCommandData(annotation.message)}`;
}
