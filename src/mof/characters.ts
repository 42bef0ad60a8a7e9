// Character codes and character classes of the MOF scanner.

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34; // "
export const DOLLAR = 36;
export const APOSTROPHE = 39; // '
export const PLUS = 43;
export const MINUS = 45;
export const DOT = 46;
export const SLASH = 47;
export const ZERO = 48;
const SEVEN = 55;
const NINE = 57;
const UPPER_A = 65;
export const UPPER_B = 66;
export const UPPER_E = 69;
const UPPER_F = 70;
export const UPPER_X = 88;
const UPPER_Z = 90;
export const BACKSLASH = 92;
const UNDERSCORE = 95;
const LOWER_A = 97;
export const LOWER_B = 98;
export const LOWER_E = 101;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_R = 114;
const LOWER_T = 116;
export const LOWER_X = 120;
const LOWER_Z = 122;
export const STAR = 42;
export const FORM_FEED = 12;
export const VERTICAL_TAB = 11;
export const BYTE_ORDER_MARK = 0xfeff;

/** Single-character punctuation of the MOF grammar. */
export const PUNCTUATION = new Set('{}()[];,:=#'.split('').map((character) => character.charCodeAt(0)));

/** Characters after a backslash and what they stand for; `x` and `X` are handled apart. */
export const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [LOWER_B, '\b'],
  [LOWER_T, '\t'],
  [LOWER_N, '\n'],
  [LOWER_F, '\f'],
  [LOWER_R, '\r'],
  [QUOTE, '"'],
  [APOSTROPHE, "'"],
  [BACKSLASH, '\\'],
]);

export function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= UPPER_A && code <= UPPER_F) || (code >= LOWER_A && code <= LOWER_F);
}

/** DSP0004 identifiers: ASCII letters, `_`, and UCS characters from U+0080 on. */
export function isIdentifierStart(code: number): boolean {
  return (
    (code >= UPPER_A && code <= UPPER_Z) ||
    (code >= LOWER_A && code <= LOWER_Z) ||
    code === UNDERSCORE ||
    (code >= 0x80 && code !== BYTE_ORDER_MARK)
  );
}

export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

export function isBinary(digits: string): boolean {
  for (let index = 0; index < digits.length; index++) {
    const code = digits.charCodeAt(index);
    if (code !== ZERO && code !== ZERO + 1) return false;
  }
  return true;
}

export function isOctal(digits: string): boolean {
  for (let index = 0; index < digits.length; index++) {
    const code = digits.charCodeAt(index);
    if (code < ZERO || code > SEVEN) return false;
  }
  return true;
}
