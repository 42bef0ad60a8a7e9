/** An object that copies itself deeply (the CIM object classes). */
interface Copyable {
  copy(): unknown;
}

/**
 * Copies a CIM value deeply: arrays are new arrays and CIM objects (paths, instances,
 * classes) are copied with their `copy()`. Primitives, `CIMDateTime` and typed wrappers
 * are immutable and are shared.
 */
export function copyValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((element: unknown) => copyValue(element)) as T;
  if (isCopyable(value)) return value.copy() as T;
  return value;
}

function isCopyable(value: unknown): value is Copyable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Copyable>).copy === 'function';
}
