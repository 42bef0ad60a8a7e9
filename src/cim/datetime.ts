/**
 * A CIM datetime value of DSP0004: a point in time (timestamp) or a duration (interval),
 * always written as 25 characters, possibly with `*` wildcards for reduced precision.
 */
export class CIMDateTime {
  // TODO: parsing, validation, Date and interval conversions are still to be written.
  constructor(readonly text: string) {}

  get isInterval(): boolean {
    return this.text.charAt(21) === ':';
  }

  toString(): string {
    return this.text;
  }

  equals(other: unknown): boolean {
    return other instanceof CIMDateTime && other.text === this.text;
  }
}
