/** A class path: class name, optional namespace and optional host (DSP0004 object path). */
export class CIMClassName {
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
}
