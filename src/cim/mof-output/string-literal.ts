// MOF string and char16 literals (DSP0004 stringValue and charValue).
// Backslash and double quote are escaped. The control characters with a short escape
// (\b \t \n \f \r) use it. Other controls (U+0000 to U+001F, U+007F to U+009F) and lone
// surrogates are written as \xHHHH, so the literal compiles back to the same string.
// A single quote is left as it is in strings, because DSP0004 only requires escaping `"`.

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

/** Escapes one UTF-16 code unit (or a surrogate pair) for a MOF string literal. */
function escapeUnit(unit: string, quote: '"' | "'"): string {
  if (unit === quote && quote === "'") return "\\'";

  const short = SHORT_ESCAPES[unit];
  if (short !== undefined && (unit !== '"' || quote === '"')) return short;

  const code = unit.charCodeAt(0);
  const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  const isLoneSurrogate = unit.length === 1 && code >= 0xd800 && code <= 0xdfff;
  if (isControl || isLoneSurrogate) return `\\x${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return unit;
}

/**
 * Splits a string into escaped units: one per code point, so a surrogate pair stays in
 * one unit and a wrapped literal never breaks inside an escape sequence.
 */
export function escapedUnits(value: string, quote: '"' | "'" = '"'): string[] {
  const units: string[] = [];
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    const isPair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const unit = isPair ? value.slice(index, index + 2) : value.charAt(index);
    if (isPair) index++;
    units.push(escapeUnit(unit, quote));
  }
  return units;
}

/** Escapes a string for the inside of a MOF string literal. */
export function escapeMOFString(value: string): string {
  return escapedUnits(value).join('');
}

/** Returns the MOF string literal of `value`, in double quotes. */
export function mofStringLiteral(value: string): string {
  return `"${escapeMOFString(value)}"`;
}

/** Returns the MOF char16 literal of `value`, in single quotes. */
export function mofCharLiteral(value: string): string {
  return `'${escapedUnits(value, "'").join('')}'`;
}

/**
 * Splits a string into adjacent MOF literals (which a MOF compiler concatenates) so that
 * each literal, quotes included, fits `firstWidth` columns on the first line and
 * `nextWidth` on the others. Breaks go after a space where one is in reach; a run without
 * spaces is cut at the width. Widths below 12 are raised to 12.
 */
export function wrapStringLiteral(value: string, firstWidth: number, nextWidth: number): string[] {
  const units = escapedUnits(value);
  const literals: string[] = [];
  let start = 0;

  while (start < units.length || literals.length === 0) {
    const room = Math.max(literals.length === 0 ? firstWidth : nextWidth, 12) - 2;
    const end = chunkEnd(units, start, room);
    literals.push(`"${units.slice(start, end).join('')}"`);
    start = end;
  }
  return literals;
}

// Index after the last unit of a chunk that starts at `start` and fits `room` characters.
function chunkEnd(units: readonly string[], start: number, room: number): number {
  let length = 0;
  let end = start;
  let lastSpaceEnd = -1;

  while (end < units.length && length + (units[end] ?? '').length <= room) {
    length += (units[end] ?? '').length;
    if (units[end] === ' ') lastSpaceEnd = end + 1;
    end++;
  }

  if (end >= units.length) return end;
  if (lastSpaceEnd > start) return lastSpaceEnd;
  return Math.max(end, start + 1);
}
