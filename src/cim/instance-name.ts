import { NocaseMap } from './nocase-map.js';
import type { KeyBindingValue } from './value.js';

export interface CIMInstanceNameOptions {
  /** Namespace name such as `root/cimv2`, without leading or trailing slashes; null if not set. */
  namespace?: string | null;
  /** Host, optionally with `:port`; null if not set. */
  host?: string | null;
}

/** An instance path: class name, keybindings, and optional namespace and host. */
export class CIMInstanceName {
  className: string;
  keybindings: NocaseMap<KeyBindingValue>;
  namespace: string | null;
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
}
