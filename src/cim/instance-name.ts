import { NocaseMap } from './nocase-map.js';
import type { KeyBindingValue } from './value.js';
import { formatInstancePath, type WBEMURIFormat } from './wbem-uri/format.js';
import { parseInstancePath, type WBEMURIParseOptions } from './wbem-uri/parse.js';
import { inspect } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Options of `new CIMInstanceName(className, keybindings, options)`. */
export interface CIMInstanceNameOptions {
  /** Namespace name such as `root/cimv2`, without leading or trailing slashes; null if not set. */
  namespace?: string | null;
  /** Host, optionally with `:port`; null if not set. */
  host?: string | null;
}

/** An instance path: class name, keybindings, and optional namespace and host. */
export class CIMInstanceName {
  /** Class name; compared case-insensitively. */
  className: string;
  /** Key property values by name, compared case-insensitively. */
  keybindings: NocaseMap<KeyBindingValue>;
  /** Namespace such as `root/cimv2`; null when the path has none (the connection then uses its default namespace). */
  namespace: string | null;
  /** Host, optionally with `:port`; null when the path has none. */
  host: string | null;

  constructor(
    className: string,
    keybindings?: Iterable<readonly [string, KeyBindingValue]> | Record<string, KeyBindingValue> | null,
    options: CIMInstanceNameOptions = {},
  ) {
    this.className = className;
    this.keybindings = new NocaseMap<KeyBindingValue>(keybindings ?? null);
    this.namespace = options.namespace ?? null;
    this.host = options.host ?? null;
  }

  /**
   * Parses a WBEM URI (DSP0207) such as `/root/cimv2:CIM_Foo.Name="a",Id=3` that has
   * keybindings. The scheme and user information are dropped (`parseWBEMURI` returns the
   * scheme). Throws `WBEMURIError` for a class path or a malformed URI.
   */
  static fromWBEMURI(uri: string, options?: WBEMURIParseOptions): CIMInstanceName {
    return parseInstancePath(uri, options);
  }

  /** Formats the path as a WBEM URI; `format` defaults to the DSP0207 standard form. */
  toWBEMURI(format: WBEMURIFormat = 'standard'): string {
    return formatInstancePath(this, format);
  }

  /** Returns the standard WBEM URI. */
  toString(): string {
    return this.toWBEMURI();
  }

  /**
   * Compares two instance paths: class name, namespace, host and keybinding names
   * case-insensitively, keybinding values with `valuesEqual` (numbers by value), key order ignored.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMInstanceName)) return false;
    return (
      namesEqual(this.className, other.className) &&
      namesEqual(this.namespace, other.namespace) &&
      namesEqual(this.host, other.host) &&
      this.keybindings.equals(other.keybindings, valuesEqual)
    );
  }

  /** Copies the path; reference-valued keybindings are copied too. */
  copy(): CIMInstanceName {
    return new CIMInstanceName(this.className, this.keybindings.copy(copyValue), {
      namespace: this.namespace,
      host: this.host,
    });
  }

  /** Returns plain data; uint64 and sint64 keybinding values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { className: this.className, keybindings: this.keybindings },
      { namespace: this.namespace, host: this.host },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `CIMInstanceName(${this.toString()})`;
  }
}
