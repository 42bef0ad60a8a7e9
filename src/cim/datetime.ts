import { inspect } from 'node:util';
import { parseDateTime, type DateTimeFields } from './datetime-parse.js';

const MICROSECONDS_PER_DAY = 86_400_000_000n;
const MAX_INTERVAL_DAYS = 99_999_999n;

/**
 * A CIM datetime value of DSP0004: a point in time (timestamp) or a duration (interval),
 * always written as 25 characters, possibly with `*` wildcards for reduced precision.
 * Instances are immutable. The text given to the constructor is kept as `text`, except
 * that an interval with more than 23 hours or 59 minutes or seconds is normalised.
 */
export class CIMDateTime {
  /** The 25-character CIM datetime text, such as `20241203153000.000000+060`. */
  readonly text: string;
  /** Whether the value is an interval (ends in `:000`) rather than a timestamp. */
  readonly isInterval: boolean;
  /** Year of a timestamp; null for intervals or when starred. */
  readonly year: number | null;
  /** Month (1 to 12) of a timestamp; null for intervals or when starred. */
  readonly month: number | null;
  /** Day of the month (1 to 31) of a timestamp; null for intervals or when starred. */
  readonly day: number | null;
  /** Day count of an interval; null for timestamps or when starred. */
  readonly days: number | null;
  /** Hours (0 to 23); null when starred. */
  readonly hour: number | null;
  /** Minutes (0 to 59); null when starred. */
  readonly minute: number | null;
  /** Seconds (0 to 59); null when starred. */
  readonly second: number | null;
  /** Microseconds with starred digits taken as 0; null when all six digits are starred. */
  readonly microsecond: number | null;
  /** Offset from UTC in minutes, east positive; always 0 for intervals. */
  readonly utcOffset: number;
  /**
   * Number of significant leading characters: the index of the first `*`, or null at full
   * precision. `20241203153000.123***+000` has precision 18.
   */
  readonly precision: number | null;

  /** Parses `text`; throws `CIMDateTimeError` (a `RangeError`) naming the invalid field. */
  constructor(text: string) {
    const parsed = parseDateTime(text);
    const normalized = normalizedIntervalText(parsed);
    const fields = normalized === null ? parsed : parseDateTime(normalized);
    this.text = normalized ?? text;
    this.isInterval = fields.isInterval;
    this.year = fields.year;
    this.month = fields.month;
    this.day = fields.day;
    this.days = fields.days;
    this.hour = fields.hour;
    this.minute = fields.minute;
    this.second = fields.second;
    this.microsecond = fields.microsecond;
    this.utcOffset = fields.utcOffset;
    this.precision = fields.precision;
    Object.freeze(this);
  }

  /** Parses `text` as the constructor does. */
  static parse(text: string): CIMDateTime {
    return new CIMDateTime(text);
  }

  /**
   * Creates a full-precision timestamp for the instant `date`, written as local time at
   * `utcOffsetMinutes` east of UTC (default 0, so the result is the same on every machine).
   */
  static fromDate(date: Date, utcOffsetMinutes = 0): CIMDateTime {
    if (Number.isNaN(date.getTime())) {
      throw new RangeError('Cannot create a CIM datetime from an invalid Date; pass a Date with a valid time.');
    }
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 999) {
      throw new RangeError(
        `UTC offset ${utcOffsetMinutes} is invalid for a CIM datetime; pass whole minutes from -999 to 999.`,
      );
    }

    const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
    const year = local.getUTCFullYear();
    if (year < 0 || year > 9999) {
      throw new RangeError(`Year ${year} of ${date.toISOString()} cannot be written as a CIM datetime (0 to 9999).`);
    }

    const sign = utcOffsetMinutes < 0 ? '-' : '+';
    const text =
      pad(year, 4) + pad(local.getUTCMonth() + 1, 2) + pad(local.getUTCDate(), 2) +
      pad(local.getUTCHours(), 2) + pad(local.getUTCMinutes(), 2) + pad(local.getUTCSeconds(), 2) +
      '.' + pad(local.getUTCMilliseconds() * 1000, 6) + sign + pad(Math.abs(utcOffsetMinutes), 3);
    return new CIMDateTime(text);
  }

  /** Creates a full-precision interval from a non-negative duration in microseconds. */
  static fromInterval(microseconds: bigint): CIMDateTime {
    return new CIMDateTime(intervalText(microseconds));
  }
  /**
   * Returns the instant of a timestamp as a `Date`. `Date` stores milliseconds, so the last
   * three microsecond digits are dropped; starred fields take their lowest value (month 1,
   * day 1, time 0). Throws for intervals and for timestamps whose year is starred.
   */
  toDate(): Date {
    if (this.isInterval) {
      throw new TypeError(`CIM datetime "${this.text}" is an interval, not a timestamp; use toIntervalMicroseconds().`);
    }
    if (this.year === null) {
      throw new RangeError(`CIM datetime "${this.text}" has a starred year, so it names no point in time.`);
    }
    return new Date(Number(this.utcMicroseconds() / 1000n));
  }

  /**
   * Returns the duration of an interval in microseconds; starred fields count as 0.
   * Throws for timestamps.
   */
  toIntervalMicroseconds(): bigint {
    if (!this.isInterval) {
      throw new TypeError(`CIM datetime "${this.text}" is a timestamp, not an interval; use toDate().`);
    }
    const seconds =
      BigInt(this.days ?? 0) * 86_400n + BigInt(this.hour ?? 0) * 3_600n +
      BigInt(this.minute ?? 0) * 60n + BigInt(this.second ?? 0);
    return seconds * 1_000_000n + BigInt(this.microsecond ?? 0);
  }

  /**
   * Compares two datetimes. Two full-precision timestamps are equal when they name the same
   * instant, whatever their UTC offsets (as pywbem compares the normalised value). Values
   * with asterisks, and intervals, are equal only when their text is identical, because the
   * starred positions refer to local time and a shift of offset cannot be applied to them.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMDateTime)) return false;
    if (other.text === this.text) return true;

    const comparable = !this.isInterval && !other.isInterval && this.precision === null && other.precision === null;
    return comparable && this.utcMicroseconds() === other.utcMicroseconds();
  }

  /** Returns `text`. */
  toString(): string {
    return this.text;
  }

  /** Returns `text`, so JSON keeps the CIM form. */
  toJSON(): string {
    return this.text;
  }

  /** Formats the value for `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `CIMDateTime(${this.text})`;
  }

  // Microseconds since 1970-01-01T00:00:00Z for a timestamp; starred fields take their lowest value.
  private utcMicroseconds(): bigint {
    const date = new Date(0);
    date.setUTCFullYear(this.year ?? 0, (this.month ?? 1) - 1, this.day ?? 1);
    date.setUTCHours(this.hour ?? 0, this.minute ?? 0, this.second ?? 0, 0);

    const local = BigInt(date.getTime()) * 1000n + BigInt(this.microsecond ?? 0);
    return local - BigInt(this.utcOffset) * 60_000_000n;
  }
}

function pad(value: number | bigint, width: number): string {
  return value.toString().padStart(width, '0');
}

/** Writes a duration as a normalised DSP0004 interval; rejects negative or too long ones. */
function intervalText(microseconds: bigint): string {
  if (microseconds < 0n || microseconds / MICROSECONDS_PER_DAY > MAX_INTERVAL_DAYS) {
    throw new RangeError(
      `Interval of ${microseconds} microseconds cannot be a CIM datetime; pass 0 to ${(MAX_INTERVAL_DAYS + 1n) * MICROSECONDS_PER_DAY - 1n}.`,
    );
  }

  const days = microseconds / MICROSECONDS_PER_DAY;
  let rest = microseconds % MICROSECONDS_PER_DAY;
  const hours = rest / 3_600_000_000n;
  rest %= 3_600_000_000n;
  const minutes = rest / 60_000_000n;
  rest %= 60_000_000n;
  const seconds = rest / 1_000_000n;
  const micros = rest % 1_000_000n;

  return pad(days, 8) + pad(hours, 2) + pad(minutes, 2) + pad(seconds, 2) + '.' + pad(micros, 6) + ':000';
}

/**
 * Returns the text of a full-precision interval whose hours, minutes or seconds exceed
 * their DSP0004 maximum (as some servers send them) rewritten as the same normalised
 * duration; null for other values, which keep their text.
 */
function normalizedIntervalText(fields: DateTimeFields): string | null {
  const overflow = (fields.hour ?? 0) > 23 || (fields.minute ?? 0) > 59 || (fields.second ?? 0) > 59;
  if (!fields.isInterval || fields.precision !== null || !overflow) return null;

  const microseconds =
    BigInt(fields.days ?? 0) * MICROSECONDS_PER_DAY +
    BigInt(fields.hour ?? 0) * 3_600_000_000n +
    BigInt(fields.minute ?? 0) * 60_000_000n +
    BigInt(fields.second ?? 0) * 1_000_000n +
    BigInt(fields.microsecond ?? 0);
  return intervalText(microseconds);
}
