import type { InspectOptionsStylized, inspect as inspectFunction } from 'node:util';
import { NocaseMap } from './nocase-map.js';

/**
 * Builds the `util.inspect` text of a CIM object: its type name, then its fields with null
 * fields and empty maps left out and maps visible as objects keyed by name. Below the
 * inspection depth it shows `[TypeName]` only.
 */
export function inspectObject(
  typeName: string,
  fields: Record<string, unknown>,
  depth: number,
  options: InspectOptionsStylized,
  inspect: typeof inspectFunction,
): string {
  if (depth < 0) return options.stylize(`[${typeName}]`, 'special');

  const visible: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (value instanceof NocaseMap) {
      if (value.size > 0) visible[key] = Object.fromEntries(value.entries());
      continue;
    }
    visible[key] = value;
  }

  const inner = { ...options, depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1 };
  return `${typeName} ${inspect(visible, inner)}`;
}
