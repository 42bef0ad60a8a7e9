import { CIMDateTime } from './datetime.js';
import { NocaseMap } from './nocase-map.js';
import { CIMTypedValue } from './typed-value.js';

/**
 * Representation of 64-bit integers in plain data. `string` gives decimal strings, which
 * `toJSON()` uses so that `JSON.stringify` works and stays exact. `keep` leaves `bigint`
 * values for `toJSONText`.
 */
export type BigintMode = 'string' | 'keep';

/** Method key under which CIM objects build their plain data. */
export const TO_PLAIN_DATA: unique symbol = Symbol('wbemshell.toPlainData');

/** An object that converts itself into plain data (the CIM object classes). */
export interface PlainDataSource {
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown>;
}

/**
 * Converts a CIM value into plain data. Typed wrappers are unwrapped and datetimes become
 * their text. Non-finite reals become `NaN`, `INF` and `-INF` because JSON has no literal
 * for them. Maps become objects keyed by name, CIM objects convert themselves, and
 * bigints follow `mode`.
 */
export function plainValue(value: unknown, mode: BigintMode): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof CIMTypedValue) return plainValue(value.value, mode);
  if (typeof value === 'bigint') return mode === 'keep' ? value : value.toString();
  if (typeof value === 'number') return plainNumber(value);
  if (Array.isArray(value)) return value.map((element: unknown) => plainValue(element, mode));
  if (value instanceof CIMDateTime) return value.text;
  if (value instanceof NocaseMap) return plainMap(value, mode);
  if (isPlainDataSource(value)) return value[TO_PLAIN_DATA](mode);
  if (hasToJSON(value)) return value.toJSON();
  return value;
}

/**
 * Builds the plain data of an object: every `required` field, and each `optional` field
 * that is neither null nor an empty map.
 */
export function plainObject(
  required: Record<string, unknown>,
  optional: Record<string, unknown>,
  mode: BigintMode,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(required)) result[key] = plainValue(value, mode);
  for (const [key, value] of Object.entries(optional)) {
    if (value === null || value === undefined) continue;
    if (value instanceof NocaseMap && value.size === 0) continue;
    result[key] = plainValue(value, mode);
  }
  return result;
}

function plainMap(map: NocaseMap<unknown>, mode: BigintMode): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of map) result[name] = plainValue(value, mode);
  return result;
}

function plainNumber(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  return value;
}

function isPlainDataSource(value: unknown): value is PlainDataSource {
  return typeof value === 'object' && value !== null && TO_PLAIN_DATA in value;
}

function hasToJSON(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
