import { isIntegerType, type CIMType } from '../cim-type.js';
import { CIMDateTime } from '../datetime.js';
import { CIMClassName } from '../class-name.js';
import { CIMInstanceName } from '../instance-name.js';
import { CIMTypedValue, Char16, INTEGER_CLASSES, Real32, Real64 } from '../typed-value.js';
import type { KeyBindingValue } from '../value.js';
import type { UriScanner } from './scanner.js';

/** A key value as written in the URI, before it is given a CIM type. */
interface KeyValueLiteral {
  kind: 'double-quoted' | 'single-quoted' | 'unquoted';
  /** Text with quotes removed and escapes resolved. */
  text: string;
  /** Offset of the first character of the literal in the URI. */
  start: number;
}

/** Key name, type and parse settings for one key value. */
export interface KeyValueContext {
  keyName: string;
  /** CIM type given by the caller, or undefined when the type follows from the syntax. */
  type: CIMType | undefined;
  /** Accept unknown backslash escapes as literal backslashes. */
  tolerant: boolean;
  /**
   * Parses a quoted reference value. With `required` false it returns null for text that
   * is not an instance path; with `required` true it throws.
   */
  parseReference(text: string, start: number, required: boolean): CIMInstanceName | CIMClassName | null;
}

const DECIMAL = /^[+-]?(0|[1-9]\d*)$/;
const HEXADECIMAL = /^[+-]?0[xX][0-9a-fA-F]+$/;
const BINARY = /^[+-]?[01]+[bB]$/;
const OCTAL = /^[+-]?0[0-7]+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_REALS: Readonly<Record<string, number>> = { INF: Infinity, '-INF': -Infinity, NaN: NaN };

const UNQUOTED_TOKEN = /[^,]*/y;
const VALUE_FORMS = 'a quoted string ("text"), a char16 (\'c\'), an integer, a real, TRUE or FALSE';

/**
 * Parses one key value at the scanner position.
 *
 * Without a type from the caller, double-quoted text is a reference when it is a complete
 * instance path with a leading slash or a scheme, and a string otherwise. A datetime
 * therefore stays a string, because its text cannot be distinguished from a string.
 * Single-quoted text is a char16. Unquoted text is a boolean, an integer (a `bigint`
 * beyond 2^53) or a real.
 *
 * With a type, the literal is checked against it, and integers, reals and char16 values
 * come back as typed wrappers.
 */
export function parseKeyValue(scanner: UriScanner, context: KeyValueContext): KeyBindingValue {
  const literal = readLiteral(scanner, context);
  if (context.type === undefined) return untypedValue(scanner, literal, context);
  return typedValue(scanner, literal, context, context.type);
}

function readLiteral(scanner: UriScanner, context: KeyValueContext): KeyValueLiteral {
  const start = scanner.pos;
  const first = scanner.peek();

  if (first === '"') return { kind: 'double-quoted', text: readQuoted(scanner, '"', context), start };
  if (first === "'") return { kind: 'single-quoted', text: readQuoted(scanner, "'", context), start };

  const text = scanner.match(UNQUOTED_TOKEN) ?? '';
  if (text === '') {
    throw scanner.error(`expected a value for key "${context.keyName}": ${VALUE_FORMS}`, start);
  }
  return { kind: 'unquoted', text, start };
}

/**
 * Reads a quoted literal. `\"`, `\'` and `\\` stand for the character after the backslash.
 * Any other backslash is literal in tolerant mode (servers write Windows paths unescaped)
 * and an error in strict mode.
 */
function readQuoted(scanner: UriScanner, quote: string, context: KeyValueContext): string {
  const start = scanner.pos;
  scanner.pos += 1;
  let text = '';

  for (;;) {
    const char = scanner.peek();
    if (scanner.atEnd) {
      throw scanner.error(`the quoted value of key "${context.keyName}" has no closing ${quote}`, start);
    }

    if (char === quote) {
      scanner.pos += 1;
      return text;
    }

    if (char === '\\') {
      const next = scanner.peek(1);
      if (next === '"' || next === "'" || next === '\\') {
        text += next;
        scanner.pos += 2;
        continue;
      }
      if (!context.tolerant) {
        throw scanner.error(
          `invalid escape sequence "\\${next}" in the value of key "${context.keyName}"; only \\", \\' and \\\\ are allowed`,
        );
      }
    }

    text += char;
    scanner.pos += 1;
  }
}

function untypedValue(scanner: UriScanner, literal: KeyValueLiteral, context: KeyValueContext): KeyBindingValue {
  switch (literal.kind) {
    case 'double-quoted':
      return context.parseReference(literal.text, literal.start, false) ?? literal.text;
    case 'single-quoted':
      return char16Value(scanner, literal, context);
    case 'unquoted':
      return unquotedValue(scanner, literal, context);
  }
}

function unquotedValue(scanner: UriScanner, literal: KeyValueLiteral, context: KeyValueContext): KeyBindingValue {
  const upper = literal.text.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;

  const integer = parseIntegerLiteral(scanner, literal, context);
  if (integer !== null) return Number.isSafeInteger(Number(integer)) ? Number(integer) : integer;

  const real = parseRealLiteral(literal.text);
  if (real !== null) return real;

  throw scanner.error(
    `invalid value ${literal.text} for key "${context.keyName}"; expected ${VALUE_FORMS} (put strings in double quotes)`,
    literal.start,
  );
}

/**
 * Parses the integer literals of DSP0004: decimal, hexadecimal `0x1F`, binary `101b` and
 * octal `017` (a leading zero means octal here, unlike in CIM-XML), each with an optional
 * sign. Returns null when the text is no integer literal.
 */
function parseIntegerLiteral(scanner: UriScanner, literal: KeyValueLiteral, context: KeyValueContext): bigint | null {
  const text = literal.text;
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');

  let magnitude: bigint;
  if (DECIMAL.test(text)) magnitude = BigInt(unsigned);
  else if (HEXADECIMAL.test(text)) magnitude = BigInt(`0x${unsigned.slice(2)}`);
  else if (BINARY.test(text)) magnitude = BigInt(`0b${unsigned.slice(0, -1)}`);
  else if (OCTAL.test(text)) magnitude = BigInt(`0o${unsigned.slice(1)}`);
  else if (/^[+-]?0\d+$/.test(text)) {
    throw scanner.error(
      `invalid integer ${text} for key "${context.keyName}": a leading 0 makes it octal, and 8 and 9 are no octal digits`,
      literal.start,
    );
  } else return null;

  return negative ? -magnitude : magnitude;
}

function parseRealLiteral(text: string): number | null {
  const special = SPECIAL_REALS[text];
  if (special !== undefined) return special;
  return REAL.test(text) ? Number(text) : null;
}

function char16Value(scanner: UriScanner, literal: KeyValueLiteral, context: KeyValueContext): Char16 {
  if (literal.text.length !== 1) {
    throw scanner.error(
      `the char16 value '${literal.text}' of key "${context.keyName}" must be exactly one character; put strings in double quotes`,
      literal.start,
    );
  }
  return new Char16(literal.text);
}

function typedValue(
  scanner: UriScanner,
  literal: KeyValueLiteral,
  context: KeyValueContext,
  type: CIMType,
): KeyBindingValue {
  const mismatch = () =>
    scanner.error(
      `the value of key "${context.keyName}" is ${describeLiteral(literal)}, which does not fit its CIM type ${type}`,
      literal.start,
    );
  const quoted = literal.kind !== 'unquoted';

  switch (type) {
    case 'string':
      if (!quoted) throw mismatch();
      return literal.text;
    case 'char16':
      if (!quoted) throw mismatch();
      return char16Value(scanner, literal, context);
    case 'datetime':
      if (literal.kind !== 'double-quoted') throw mismatch();
      return new CIMDateTime(literal.text);
    case 'reference':
      if (literal.kind !== 'double-quoted') throw mismatch();
      return context.parseReference(literal.text, literal.start, true) as CIMInstanceName | CIMClassName;
    case 'boolean': {
      const upper = literal.text.toUpperCase();
      if (quoted || (upper !== 'TRUE' && upper !== 'FALSE')) throw mismatch();
      return upper === 'TRUE';
    }
    case 'real32':
    case 'real64':
      return typedReal(scanner, literal, context, type, mismatch);
    default:
      return typedInteger(scanner, literal, context, type, mismatch);
  }
}

function typedReal(
  scanner: UriScanner,
  literal: KeyValueLiteral,
  context: KeyValueContext,
  type: 'real32' | 'real64',
  mismatch: () => Error,
): Real32 | Real64 {
  if (literal.kind !== 'unquoted') throw mismatch();

  const integer = parseIntegerLiteral(scanner, literal, context);
  const value = integer !== null ? Number(integer) : parseRealLiteral(literal.text);
  if (value === null) throw mismatch();
  return type === 'real32' ? new Real32(value) : new Real64(value);
}

function typedInteger(
  scanner: UriScanner,
  literal: KeyValueLiteral,
  context: KeyValueContext,
  type: CIMType,
  mismatch: () => Error,
): KeyBindingValue {
  if (!isIntegerType(type) || literal.kind !== 'unquoted') throw mismatch();

  const integer = parseIntegerLiteral(scanner, literal, context);
  if (integer === null) throw mismatch();

  try {
    return new INTEGER_CLASSES[type](integer);
  } catch (error) {
    throw scanner.error(`the value ${literal.text} of key "${context.keyName}" is out of range for CIM type ${type}`, literal.start, error);
  }
}

function describeLiteral(literal: KeyValueLiteral): string {
  if (literal.kind === 'double-quoted') return `the string ${JSON.stringify(literal.text)}`;
  if (literal.kind === 'single-quoted') return `the char16 '${literal.text}'`;
  return `the unquoted ${literal.text}`;
}

/**
 * Formats one key value. Strings, datetimes and references go in double quotes with `"`
 * and `\` escaped, and char16 values go in single quotes. Integers are decimal. Reals
 * always have a `.digit` part, so they read back as reals. Booleans are `TRUE` or `FALSE`.
 */
export function formatKeyValue(
  value: KeyBindingValue,
  formatReference: (path: CIMInstanceName | CIMClassName) => string,
): string {
  if (value instanceof Char16) return `'${escapeQuoted(value.value, "'")}'`;
  if (value instanceof Real32 || value instanceof Real64) return formatRealLiteral(value.value);
  if (value instanceof CIMTypedValue) return String(value.value);

  if (typeof value === 'string') return `"${escapeQuoted(value, '"')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : formatRealLiteral(value);
  if (value instanceof CIMDateTime) return `"${escapeQuoted(value.toString(), '"')}"`;
  return `"${escapeQuoted(formatReference(value), '"')}"`;
}

/** Escapes the backslash and the enclosing quote character with a backslash. */
function escapeQuoted(text: string, quote: '"' | "'"): string {
  const special = quote === '"' ? /[\\"]/g : /[\\']/g;
  return text.replace(special, (char) => `\\${char}`);
}

/**
 * Formats a real with the shortest digits that read back to the same double, as
 * `[-]d.d[E±d]`, or as `INF`, `-INF` or `NaN`.
 */
function formatRealLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';

  // String() drops the sign of negative zero.
  const text = Object.is(value, -0) ? '-0' : String(value);
  const [mantissa = '', exponent] = text.split('e');
  const withDot = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return exponent === undefined ? withDot : `${withDot}E${exponent}`;
}
