/**
 * Normalises a CIM namespace name: strips leading and trailing slashes, because servers
 * report names such as `/root/vendor/` and an empty first segment becomes an empty
 * `NAMESPACE` element in CIM-XML. Returns null for a name that is empty after stripping
 * (the server's default namespace). Segments are not checked; see `invalidNamespaceReason`.
 */
export function normalizeNamespace(name: string): string | null {
  const stripped = name.replace(/^\/+|\/+$/g, '');
  return stripped === '' ? null : stripped;
}

/**
 * Returns the reason a normalised namespace name is invalid, or null when it is valid.
 * Segments must be non-empty and free of whitespace and control characters.
 */
export function invalidNamespaceReason(name: string): string | null {
  if (name.split('/').some((segment) => segment === '')) {
    return `the namespace "${name}" has an empty segment between two slashes`;
  }
  const bad = /[\s\p{Cc}]/u.exec(name);
  if (bad) return `the namespace "${name}" contains the invalid character ${JSON.stringify(bad[0])}`;
  return null;
}
