import {
  INTEGER_RANGES,
  is64BitType,
  isIntegerType,
  type CIMIntegerType,
  type CIMType,
} from '../../cim/cim-type.js';
import { CIMDateTime } from '../../cim/datetime.js';

/** Result of converting the text of a `VALUE` or `KEYVALUE`: a value, or the reason it does not fit. */
export type ScalarResult =
  | { ok: true; value: boolean | string | number | bigint | CIMDateTime | null; emptyBoolean?: boolean }
  | { ok: false; reason: string };

// DSP0201 integers are decimal or hexadecimal (`0x` prefix, optional sign); no octal or binary.
const DECIMAL_INTEGER = /^[+-]?\d+$/;
const HEX_INTEGER = /^([+-]?)0[xX]([0-9a-fA-F]+)$/;
// Reals are read leniently: any decimal or exponent form, plus INF, -INF and NaN in any case.
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const REAL_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Converts the text of a value to the CIM type. Strings and char16 keep their text as is;
 * every other type ignores surrounding whitespace.
 */
export function convertScalar(text: string, type: CIMType): ScalarResult {
  if (isIntegerType(type)) return convertInteger(text, type);

  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'char16':
      return convertChar16(text);
    case 'boolean':
      return convertBoolean(text);
    case 'real32':
    case 'real64':
      return convertReal(text, type);
    case 'datetime':
      return convertDateTime(text);
    default:
      return { ok: false, reason: 'a reference value must be a VALUE.REFERENCE element, not text' };
  }
}

/** Parses an integer in DSP0201 syntax to a bigint, or null when the text is not one. */
export function parseIntegerText(text: string): bigint | null {
  const trimmed = text.trim();
  if (DECIMAL_INTEGER.test(trimmed)) return BigInt(trimmed);

  const hex = HEX_INTEGER.exec(trimmed);
  if (hex === null) return null;
  const magnitude = BigInt(`0x${hex[2]}`);
  return hex[1] === '-' ? -magnitude : magnitude;
}

/** Parses a real leniently (see `REAL`), or returns null. */
export function parseRealText(text: string): number | null {
  const trimmed = text.trim();
  const special = REAL_SPECIAL.exec(trimmed);
  if (special !== null) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return REAL.test(trimmed) ? Number(trimmed) : null;
}

// Up to 15 decimal digits always fit a double exactly, so such text needs no bigint.
const SHORT_DECIMAL = /^\s*[+-]?\d{1,15}\s*$/;

function convertInteger(text: string, type: CIMIntegerType): ScalarResult {
  if (!is64BitType(type) && SHORT_DECIMAL.test(text)) {
    const value = Number(text);
    const [min, max] = INTEGER_RANGES[type];
    // `-0` reads as 0, as it does through BigInt.
    if (value >= min && value <= max) return { ok: true, value: value === 0 ? 0 : value };
  }

  const exact = parseIntegerText(text);
  if (exact === null) {
    return { ok: false, reason: `"${text}" is not a decimal or hexadecimal integer, so it cannot be a ${type}` };
  }

  const [min, max] = INTEGER_RANGES[type];
  if (exact < min || exact > max) {
    return { ok: false, reason: `${exact} is out of range for ${type} (${min} to ${max})` };
  }
  return { ok: true, value: is64BitType(type) ? exact : Number(exact) };
}

function convertReal(text: string, type: 'real32' | 'real64'): ScalarResult {
  const value = parseRealText(text);
  if (value === null) return { ok: false, reason: `"${text}" is not a ${type} number` };
  return { ok: true, value: type === 'real32' ? Math.fround(value) : value };
}

function convertBoolean(text: string): ScalarResult {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return { ok: true, value: true };
  if (lower === 'false') return { ok: true, value: false };
  if (lower === '') return { ok: true, value: null, emptyBoolean: true };
  return { ok: false, reason: `"${text}" is not TRUE or FALSE` };
}

function convertChar16(text: string): ScalarResult {
  if (text.length === 1 && !isSurrogate(text.charCodeAt(0))) return { ok: true, value: text };
  return {
    ok: false,
    reason: `"${text}" is not a char16: it must be exactly one UCS-2 character, but has ${text.length} UTF-16 code units`,
  };
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function convertDateTime(text: string): ScalarResult {
  const trimmed = text.trim();
  const problem = checkDateTimeText(trimmed);
  if (problem !== null) return { ok: false, reason: `"${text}" is not a CIM datetime: ${problem}` };

  // CIMDateTime also checks field ranges (month, hour, ...) and raises a RangeError.
  try {
    return { ok: true, value: new CIMDateTime(trimmed) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, reason: error.message.replace(/\.$/, '') };
  }
}

// Field widths of the 21 characters before the UTC offset, without the dot.
const TIMESTAMP_FIELDS = [4, 2, 2, 2, 2, 2, 6];
const INTERVAL_FIELDS = [8, 2, 2, 2, 6];

/**
 * Checks the DSP0004 datetime format: `yyyymmddhhmmss.mmmmmm±utc` (timestamp) or
 * `ddddddddhhmmss.mmmmmm:000` (interval). Asterisks mark insignificant digits: they must
 * run without a gap to the end of the microseconds field, and only the microseconds
 * field may be partly asterisked. Returns the problem, or null when the text is valid.
 */
export function checkDateTimeText(text: string): string | null {
  if (isPlainDateTime(text)) return null;
  if (text.length !== 25) return `it has ${text.length} characters instead of 25`;
  if (text.charAt(14) !== '.') return 'character 15 must be "."';

  const separator = text.charAt(21);
  const offset = text.slice(22);
  const isInterval = separator === ':';
  if (isInterval && offset !== '000') return 'an interval must end with ":000"';
  if (!isInterval && !/^[+-]$/.test(separator)) return 'character 22 must be "+", "-" or ":"';
  if (!/^\d{3}$/.test(offset)) return 'the UTC offset must be three digits';

  const digits = text.slice(0, 14) + text.slice(15, 21);
  if (!/^\d*\**$/.test(digits)) return 'it may contain only digits, then asterisks up to the end of the microseconds';

  const firstAsterisk = digits.indexOf('*');
  if (firstAsterisk < 0) return null;
  const fields = isInterval ? INTERVAL_FIELDS : TIMESTAMP_FIELDS;
  return checkAsteriskBoundary(firstAsterisk, fields);
}

/** Whether the text has the datetime format without asterisks: digits, `.`, then `+`, `-` or `:000`. */
function isPlainDateTime(text: string): boolean {
  if (text.length !== 25 || text.charCodeAt(14) !== 0x2e) return false;
  const separator = text.charAt(21);
  if (separator === ':') {
    if (!text.endsWith('000')) return false;
  } else if (separator !== '+' && separator !== '-') {
    return false;
  }

  for (let index = 0; index < 25; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x30 || code > 0x39) && index !== 14 && index !== 21) return false;
  }
  return true;
}

function checkAsteriskBoundary(firstAsterisk: number, fields: readonly number[]): string | null {
  let fieldStart = 0;
  for (const [index, width] of fields.entries()) {
    const isMicroseconds = index === fields.length - 1;
    if (firstAsterisk === fieldStart || isMicroseconds) return null;
    if (firstAsterisk < fieldStart + width) return 'asterisks must cover whole fields except in the microseconds';
    fieldStart += width;
  }
  return null;
}
