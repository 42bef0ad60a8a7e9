import { CIMDateTimeError } from './errors.js';

/** Fields of a parsed CIM datetime; a field that is all asterisks is null. */
export interface DateTimeFields {
  isInterval: boolean;
  year: number | null;
  month: number | null;
  day: number | null;
  /** Day count of an interval (0 to 99999999); null for timestamps or when starred. */
  days: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** Microseconds with the starred digits taken as 0; null when all six are starred. */
  microsecond: number | null;
  /** Minutes east of UTC (`+060` is 60, `-300` is -300); 0 for intervals. */
  utcOffset: number;
  /** Index of the first `*` in the text, or null at full precision. */
  precision: number | null;
}

interface FieldSpec {
  name: string;
  start: number;
  end: number;
  min: number;
  max: number;
}

// Column layout of DSP0004 `yyyymmddhhmmss.mmmmmmsutc` and `ddddddddhhmmss.mmmmmm:000`.
const TIMESTAMP_FIELDS: readonly FieldSpec[] = [
  { name: 'year', start: 0, end: 4, min: 0, max: 9999 },
  { name: 'month', start: 4, end: 6, min: 1, max: 12 },
  { name: 'day', start: 6, end: 8, min: 1, max: 31 },
  { name: 'hour', start: 8, end: 10, min: 0, max: 23 },
  { name: 'minute', start: 10, end: 12, min: 0, max: 59 },
  { name: 'second', start: 12, end: 14, min: 0, max: 59 },
];

// DSP0004 limits interval hours to 23 and minutes and seconds to 59. Servers send intervals
// that are not normalised (such as 56 hours) and pywbem accepts them, so the parser does too.
// CIMDateTime then rewrites such an interval as the same duration in normalised form.
const INTERVAL_FIELDS: readonly FieldSpec[] = [
  { name: 'days', start: 0, end: 8, min: 0, max: 99999999 },
  { name: 'hours', start: 8, end: 10, min: 0, max: 99 },
  { name: 'minutes', start: 10, end: 12, min: 0, max: 99 },
  { name: 'seconds', start: 12, end: 14, min: 0, max: 99 },
];

const MICROSECONDS_START = 15;
const MICROSECONDS_END = 21;

/**
 * Parses a 25-character CIM datetime. The character at index 21 decides the kind:
 * `:` is an interval, `+` or `-` a timestamp. Asterisks must form one run that ends at
 * the last microsecond digit. The run starts at a field boundary or at any microsecond
 * digit, and the UTC offset cannot be starred.
 */
export function parseDateTime(text: string): DateTimeFields {
  const quick = parseDigitsOnly(text);
  if (quick !== null) return quick;

  const fail = (problem: string): never => {
    throw new CIMDateTimeError(text, problem);
  };

  if (typeof text !== 'string') fail(`the value is a ${typeof text}, not a string`);
  if (text.length !== 25) fail(`the length is ${text.length}, but it must be 25 characters`);
  if (text[14] !== '.') fail(`character 15 is "${text[14]}", but it must be "."`);

  const separator = text[21];
  if (separator !== ':' && separator !== '+' && separator !== '-') {
    fail(`character 22 is "${separator}", but it must be "+" or "-" (timestamp) or ":" (interval)`);
  }
  const isInterval = separator === ':';
  const specs = isInterval ? INTERVAL_FIELDS : TIMESTAMP_FIELDS;

  const precision = checkAsterisks(text, specs, fail);
  const values = specs.map((spec) => readField(text, spec, fail));
  const microsecond = readMicroseconds(text, fail);
  const utcOffset = readOffset(text, isInterval, fail);

  if (!isInterval) checkDayOfMonth(values, fail);

  return isInterval
    ? {
        isInterval, year: null, month: null, day: null, days: values[0] ?? null,
        hour: values[1] ?? null, minute: values[2] ?? null, second: values[3] ?? null,
        microsecond, utcOffset, precision,
      }
    : {
        isInterval, year: values[0] ?? null, month: values[1] ?? null, day: values[2] ?? null, days: null,
        hour: values[3] ?? null, minute: values[4] ?? null, second: values[5] ?? null,
        microsecond, utcOffset, precision,
      };
}

function checkAsterisks(text: string, specs: readonly FieldSpec[], fail: (problem: string) => never): number | null {
  const first = text.indexOf('*');
  if (first < 0 || first > 20) return null;

  for (let index = first; index < MICROSECONDS_END; index++) {
    if (index !== 14 && text[index] !== '*') {
      fail(`the asterisks are not one run up to the last microsecond digit (character ${index + 1} is "${text[index]}")`);
    }
  }

  const startsField = first >= MICROSECONDS_START || specs.some((spec) => spec.start === first);
  if (!startsField) {
    const spec = specs.find((candidate) => first > candidate.start && first < candidate.end);
    fail(`${spec?.name ?? 'a field'} is partly starred; only the microseconds may be starred digit by digit`);
  }
  return first;
}

function readField(text: string, spec: FieldSpec, fail: (problem: string) => never): number | null {
  const digits = text.slice(spec.start, spec.end);
  if (/^\*+$/.test(digits)) return null;
  if (!/^\d+$/.test(digits)) fail(`${spec.name} "${digits}" is not a number`);

  const value = Number(digits);
  if (value < spec.min || value > spec.max) {
    fail(`${spec.name} ${digits} is out of range (${spec.min} to ${spec.max})`);
  }
  return value;
}

function readMicroseconds(text: string, fail: (problem: string) => never): number | null {
  const field = text.slice(MICROSECONDS_START, MICROSECONDS_END);
  if (field === '******') return null;

  const digits = field.replace(/\*+$/, '');
  if (!/^\d+$/.test(digits)) fail(`microseconds "${field}" is not a number`);
  return Number(digits.padEnd(6, '0'));
}

function readOffset(text: string, isInterval: boolean, fail: (problem: string) => never): number {
  const digits = text.slice(22, 25);
  if (isInterval) {
    if (digits !== '000') fail(`an interval must end in ":000", not ":${digits}"`);
    return 0;
  }
  if (digits.includes('*')) fail(`UTC offset "${text.slice(21)}" is starred; the offset cannot be starred`);
  if (!/^\d{3}$/.test(digits)) fail(`UTC offset "${text.slice(21)}" is not a number of minutes`);

  const minutes = Number(digits);
  return text[21] === '-' ? -minutes : minutes;
}

function checkDayOfMonth(values: ReadonlyArray<number | null>, fail: (problem: string) => never): void {
  const [year, month, day] = values;
  if (year === null || year === undefined || month === null || month === undefined) return;
  if (day === null || day === undefined) return;

  const length = daysInMonth(year, month);
  if (day > length) fail(`day ${String(day).padStart(2, '0')} does not exist in month ${month} of year ${year}`);
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 31;
}

/**
 * Reads the common form, a valid datetime without asterisks, without slicing the text.
 * Returns null for anything else, which `parseDateTime` then reads or rejects field by field.
 */
function parseDigitsOnly(text: string): DateTimeFields | null {
  if (typeof text !== 'string' || text.length !== 25 || text.charCodeAt(14) !== DOT) return null;
  const separator = text.charCodeAt(21);
  if (separator !== COLON && separator !== PLUS && separator !== MINUS) return null;
  for (let index = 0; index < 25; index++) {
    if (index === 14 || index === 21) continue;
    const code = text.charCodeAt(index);
    if (code < DIGIT_0 || code > DIGIT_9) return null;
  }

  const isInterval = separator === COLON;
  const specs = isInterval ? INTERVAL_FIELDS : TIMESTAMP_FIELDS;
  const values: number[] = [];
  for (const spec of specs) {
    const value = digitsValue(text, spec.start, spec.end);
    if (value < spec.min || value > spec.max) return null;
    values.push(value);
  }

  const microsecond = digitsValue(text, MICROSECONDS_START, MICROSECONDS_END);
  const offset = digitsValue(text, 22, 25);
  if (isInterval) {
    if (offset !== 0) return null;
    return {
      isInterval, year: null, month: null, day: null, days: values[0]!,
      hour: values[1]!, minute: values[2]!, second: values[3]!, microsecond, utcOffset: 0, precision: null,
    };
  }

  if (values[2]! > daysInMonth(values[0]!, values[1]!)) return null;
  return {
    isInterval, year: values[0]!, month: values[1]!, day: values[2]!, days: null,
    hour: values[3]!, minute: values[4]!, second: values[5]!, microsecond,
    utcOffset: separator === MINUS ? -offset : offset, precision: null,
  };
}

const DOT = 0x2e;
const COLON = 0x3a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Value of the decimal digits `text[start..end)`, which the caller has checked. */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + (text.charCodeAt(index) - DIGIT_0);
  return value;
}
