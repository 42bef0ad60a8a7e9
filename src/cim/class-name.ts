import { formatClassPath, type WBEMURIFormat } from './wbem-uri/format.js';
import { parseClassPath, type WBEMURIParseOptions } from './wbem-uri/parse.js';
import { inspect } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { namesEqual } from './value-equality.js';

/** A class path: class name, optional namespace and optional host (DSP0004 object path). */
export class CIMClassName {
  /** Class name; compared case-insensitively. */
  className: string;
  /** Namespace name such as `root/cimv2`, without leading or trailing slashes; null if not set. */
  namespace: string | null;
  /** Host, optionally with `:port`; null if not set. */
  host: string | null;

  constructor(className: string, options: { namespace?: string | null; host?: string | null } = {}) {
    this.className = className;
    this.namespace = options.namespace ?? null;
    this.host = options.host ?? null;
  }

  /**
   * Parses a WBEM URI (DSP0207) without keybindings, such as `/root/cimv2:CIM_Foo`.
   * Throws `WBEMURIError` for an instance path or a malformed URI.
   */
  static fromWBEMURI(uri: string, options?: WBEMURIParseOptions): CIMClassName {
    return parseClassPath(uri, options);
  }

  /** Formats the path as a WBEM URI; `format` defaults to the DSP0207 standard form. */
  toWBEMURI(format: WBEMURIFormat = 'standard'): string {
    return formatClassPath(this, format);
  }

  /** Returns the standard WBEM URI. */
  toString(): string {
    return this.toWBEMURI();
  }

  /** Compares two class paths; class name, namespace and host compare case-insensitively. */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMClassName)) return false;
    return (
      namesEqual(this.className, other.className) &&
      namesEqual(this.namespace, other.namespace) &&
      namesEqual(this.host, other.host)
    );
  }

  /** Returns a copy. */
  copy(): CIMClassName {
    return new CIMClassName(this.className, { namespace: this.namespace, host: this.host });
  }

  /** Returns a plain object for `JSON.stringify`, with uint64 and sint64 values as decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject({ className: this.className }, { namespace: this.namespace, host: this.host }, mode);
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `CIMClassName(${this.toString()})`;
  }
}
