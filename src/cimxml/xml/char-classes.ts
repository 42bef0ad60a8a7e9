/**
 * Byte classes of the tokenizer's hot loops, as lookup tables indexed by a UTF-8 byte, and
 * the XML 1.0 (Fifth Edition) name productions for names that contain non-ASCII characters.
 */

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const QUOTE = 0x22;
export const HASH = 0x23;
export const AMP = 0x26;
export const APOS = 0x27;
export const DASH = 0x2d;
export const SLASH = 0x2f;
export const SEMICOLON = 0x3b;
export const LT = 0x3c;
export const EQUALS = 0x3d;
export const GT = 0x3e;
export const QUESTION = 0x3f;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;
export const LOWER_X = 0x78;

/** Classes of a byte in character data and attribute values; 0 is an ordinary ASCII character. */
export const PLAIN = 0;
export const C_LT = 1;
export const C_AMP = 2;
export const C_LF = 3;
export const C_CR = 4;
export const C_TAB = 5;
export const C_RBRACKET = 6;
export const C_QUOTE = 7;
export const C_NON_ASCII = 8;
export const C_CONTROL = 9;

function buildContentClasses(): Uint8Array {
  const table = new Uint8Array(256);

  for (let byte = 0; byte < 0x20; byte++) table[byte] = C_CONTROL;
  for (let byte = 0x80; byte < 0x100; byte++) table[byte] = C_NON_ASCII;

  table[LT] = C_LT;
  table[AMP] = C_AMP;
  table[LF] = C_LF;
  table[CR] = C_CR;
  table[TAB] = C_TAB;
  table[RBRACKET] = C_RBRACKET;
  table[QUOTE] = C_QUOTE;
  table[APOS] = C_QUOTE;
  return table;
}

/** Byte classes for character data and attribute values. */
export const CONTENT_CLASS = buildContentClasses();

/** `CONTENT_CLASS` with tab and quotes as `PLAIN`, which character data takes as they are. */
export const TEXT_CLASS = buildTextClasses();

function buildTextClasses(): Uint8Array {
  const table = buildContentClasses();
  table[TAB] = PLAIN;
  table[QUOTE] = PLAIN;
  table[APOS] = PLAIN;
  return table;
}

/** Bit 1: the ASCII byte may start a name; bit 2: it may continue a name (XML 1.0 NameStartChar, NameChar). */
export const NAME_START = 1;
export const NAME_CHAR = 2;

function buildNameClasses(): Uint8Array {
  const table = new Uint8Array(256);
  const both = NAME_START | NAME_CHAR;

  for (let byte = 0x41; byte <= 0x5a; byte++) table[byte] = both;
  for (let byte = 0x61; byte <= 0x7a; byte++) table[byte] = both;
  for (let byte = 0x30; byte <= 0x39; byte++) table[byte] = NAME_CHAR;

  table[0x3a] = both; // ':'
  table[0x5f] = both; // '_'
  table[DASH] = NAME_CHAR;
  table[0x2e] = NAME_CHAR; // '.'
  return table;
}

/** Name classes of ASCII bytes; bytes of 0x80 and above are checked on the decoded name. */
export const NAME_CLASS = buildNameClasses();

/** XML white space (production S): space, tab, carriage return, line feed. */
export function isWhitespace(byte: number): boolean {
  return byte === SPACE || byte === LF || byte === TAB || byte === CR;
}

const NAME_START_RANGES =
  ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}' +
  '\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}' +
  '\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR_RANGES = NAME_START_RANGES + '\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}';

/** XML 1.0 Name production; used only for names with non-ASCII characters. */
const NAME_PATTERN = new RegExp(`^[${NAME_START_RANGES}][${NAME_CHAR_RANGES}]*$`, 'u');

/** Checks a decoded name against the XML 1.0 Name production. */
export function isXmlName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** XML 1.0 Char production: the code points a document may contain, raw or as a character reference. */
export function isXmlChar(codePoint: number): boolean {
  if (codePoint >= 0x20) {
    if (codePoint <= 0xd7ff) return true;
    if (codePoint >= 0xe000 && codePoint <= 0xfffd) return true;
    return codePoint >= 0x10000 && codePoint <= 0x10ffff;
  }
  return codePoint === TAB || codePoint === LF || codePoint === CR;
}

/** Formats a code point as `U+XXXX` for messages. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
