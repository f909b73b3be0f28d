// Reads a JUnit XML document with a real XML parser and checks it against the shape CI tools
// accept (the elements, attributes and nesting of Jenkins' junit-10 schema, which GitLab and the
// GitHub test-report actions read too): which elements may appear where, which attributes each
// may carry (and must), the time format, and that every count equals the test cases it counts.
// Returns the parsed suites for assertions on content.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

export interface ParsedCase {
  readonly name: string;
  readonly classname: string;
  readonly outcome: 'passed' | 'failure' | 'error' | 'skipped';
  readonly message: string;
  readonly type: string;
  readonly body: string;
}

export interface ParsedSuite {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly properties: readonly (readonly [string, string])[];
  readonly cases: readonly ParsedCase[];
}

type Element = Record<string, unknown>;

const ALLOWED = {
  testsuites: { attributes: ['name', 'time', 'tests', 'failures', 'errors'], required: [], children: ['testsuite'] },
  testsuite: {
    attributes: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { attributes: [], required: [], children: ['property'] },
  property: { attributes: ['name', 'value'], required: ['name', 'value'], children: [] },
  testcase: { attributes: ['name', 'time', 'classname', 'group'], required: ['name'], children: ['skipped', 'error', 'failure', 'system-out', 'system-err'] },
  failure: { attributes: ['type', 'message'], required: [], children: [] },
  error: { attributes: ['type', 'message'], required: [], children: [] },
  skipped: { attributes: ['type', 'message'], required: [], children: [] },
} as const;

/** The schema's SUREFIRE_TIME: digits with optional thousands commas and a decimal part. */
const TIME_PATTERN = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

const ATTRIBUTE_PREFIX = '@';

export function parseJunit(xml: string): ParsedSuite[] {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    textNodeName: '#text',
    // Character references (&#10; in attributes) decoded as an XML parser does.
    htmlEntities: true,
    isArray: (name) => ['testsuite', 'testcase', 'property', 'failure', 'error', 'skipped'].includes(name),
  });
  const document = parser.parse(xml) as Element;
  const roots = Object.keys(document).filter((key) => key !== '?xml');
  expect(roots).toEqual(['testsuites']);
  const root = document.testsuites as Element;
  checkElement('testsuites', root);
  const suites = ((root.testsuite as Element[] | undefined) ?? []).map(readSuite);
  const cases = suites.flatMap((suite) => suite.cases);
  expect(Number(attribute(root, 'tests'))).toBe(cases.length);
  expect(Number(attribute(root, 'failures'))).toBe(cases.filter((c) => c.outcome === 'failure').length);
  expect(Number(attribute(root, 'errors'))).toBe(cases.filter((c) => c.outcome === 'error').length);
  return suites;
}

function attribute(element: Element, name: string): string | undefined {
  const value = element[ATTRIBUTE_PREFIX + name];
  return value === undefined ? undefined : String(value);
}

function checkElement(name: keyof typeof ALLOWED, element: Element): void {
  const rules = ALLOWED[name];
  const attributes = Object.keys(element).filter((key) => key.startsWith(ATTRIBUTE_PREFIX)).map((key) => key.slice(1));
  const children = Object.keys(element).filter((key) => !key.startsWith(ATTRIBUTE_PREFIX) && key !== '#text');
  for (const present of attributes) expect(rules.attributes, `attribute ${present} on <${name}>`).toContain(present);
  for (const required of rules.required) expect(attributes, `required attribute ${required} on <${name}>`).toContain(required);
  for (const child of children) expect(rules.children, `<${child}> inside <${name}>`).toContain(child);
  const time = attribute(element, 'time');
  if (time !== undefined) expect(time).toMatch(TIME_PATTERN);
}

function readSuite(suite: Element): ParsedSuite {
  checkElement('testsuite', suite);
  const propertiesElement = suite.properties as Element | undefined;
  if (propertiesElement !== undefined) checkElement('properties', propertiesElement);
  const properties = ((propertiesElement?.property as Element[] | undefined) ?? []).map((property): [string, string] => {
    checkElement('property', property);
    return [attribute(property, 'name')!, attribute(property, 'value')!];
  });
  const cases = ((suite.testcase as Element[] | undefined) ?? []).map(readCase);
  const count = (outcome: ParsedCase['outcome']): number => cases.filter((c) => c.outcome === outcome).length;
  expect(Number(attribute(suite, 'tests'))).toBe(cases.length);
  expect(Number(attribute(suite, 'failures'))).toBe(count('failure'));
  expect(Number(attribute(suite, 'errors'))).toBe(count('error'));
  expect(Number(attribute(suite, 'skipped') ?? 0)).toBe(count('skipped'));
  const attributes = Object.fromEntries(
    Object.entries(suite).filter(([key]) => key.startsWith(ATTRIBUTE_PREFIX)).map(([key, value]) => [key.slice(1), String(value)]),
  );
  return { name: attribute(suite, 'name')!, attributes, properties, cases };
}

function readCase(testCase: Element): ParsedCase {
  checkElement('testcase', testCase);
  const outcomes = (['failure', 'error', 'skipped'] as const).filter((kind) => testCase[kind] !== undefined);
  expect(outcomes.length, 'at most one of failure, error, skipped').toBeLessThanOrEqual(1);
  const outcome = outcomes[0] ?? 'passed';
  const detail = outcome === 'passed' ? undefined : (testCase[outcome] as Element[]);
  if (detail !== undefined) {
    expect(detail).toHaveLength(1);
    checkElement(outcome as 'failure', detail[0]);
  }
  const element = detail?.[0];
  return {
    name: attribute(testCase, 'name')!,
    classname: attribute(testCase, 'classname') ?? '',
    outcome,
    message: element === undefined ? '' : (attribute(element, 'message') ?? ''),
    type: element === undefined ? '' : (attribute(element, 'type') ?? ''),
    body: element === undefined ? '' : String(element['#text'] ?? ''),
  };
}
