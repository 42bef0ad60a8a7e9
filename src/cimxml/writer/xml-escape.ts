import { CIMXMLWriteError } from './write-error.js';

// With the `u` flag a valid surrogate pair is one code point above U+FFFF and does not
// match, so the surrogate range only catches lone halves.
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const TEXT_SPECIAL = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const TEXT_ESCAPED = /[&<>"\r]/g;
const ATTRIBUTE_ESCAPED = /[&<>"\t\n\r]/g;

/**
 * Character references for characters that XML text cannot carry literally. CR is kept
 * as `&#13;` because parsers turn a literal CR into LF; TAB and LF in attribute values
 * become references because attribute-value normalisation turns them into spaces.
 */
export const TEXT_REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

export const ATTRIBUTE_REFERENCES: Readonly<Record<string, string>> = {
  ...TEXT_REFERENCES,
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Escapes character data for use between tags; rejects characters outside XML 1.0 `Char`. */
export function escapeText(value: string, where: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  checkXmlChars(value, where);
  return value.replace(TEXT_ESCAPED, (char) => TEXT_REFERENCES[char]!);
}

/** Escapes a value for use inside a double-quoted attribute; rejects characters outside XML 1.0 `Char`. */
export function escapeAttribute(value: string, where: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  checkXmlChars(value, where);
  return value.replace(ATTRIBUTE_ESCAPED, (char) => ATTRIBUTE_REFERENCES[char]!);
}

/** Throws when `value` contains a character outside XML 1.0 `Char` (controls, lone surrogates, U+FFFE, U+FFFF). */
export function checkXmlChars(value: string, where: string): void {
  const found = INVALID_CHAR.exec(value);
  if (found !== null) throw invalidCharError(value, found[0], found.index, where);
}

function invalidCharError(value: string, char: string, index: number, where: string): CIMXMLWriteError {
  const code = char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const excerpt = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return new CIMXMLWriteError(
    `The value of ${where} contains U+${code} at offset ${index} (${excerpt}), which XML 1.0 cannot carry; remove or replace the character.`,
    where,
  );
}
