// XML 1.0 escaping for text and attribute values. Characters XML 1.0 cannot carry at all (most
// C0 controls, lone surrogates, U+FFFE/U+FFFF), even as character references, are written as
// visible `\u{…}` text instead, so a scenario name with a stray control character still gives a
// document every parser accepts.

/** Characters outside XML 1.0's Char production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function visible(text: string): string {
  return text.replace(NOT_XML_CHAR, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}

/** Element content: & < > escaped (> for `]]>`). */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; tab, newline and CR as references so that parsers keep them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
