import { plainValue } from './json-data.js';

/**
 * Writes a CIM object, value or array of them as JSON text. Unlike `JSON.stringify`, which
 * cannot write a bigint, uint64 and sint64 values appear as exact number literals
 * (`18446744073709551615`); they never pass through `Number`. `indent` works as the
 * `space` argument of `JSON.stringify` (a count of spaces up to 10, or a string).
 */
export function toJSONText(object: unknown, indent?: number | string): string {
  const unit = typeof indent === 'number' ? ' '.repeat(Math.min(Math.max(indent, 0), 10)) : (indent ?? '').slice(0, 10);
  return writeJSON(plainValue(object, 'keep'), unit, '');
}

function writeJSON(input: unknown, unit: string, current: string): string {
  const value = isPlainContainer(input) ? input : plainValue(input, 'keep');

  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return writeArray(value, unit, current);
  if (typeof value === 'object' && value !== null) return writeObject(value as Record<string, unknown>, unit, current);
  return JSON.stringify(value ?? null);
}

function writeArray(values: readonly unknown[], unit: string, current: string): string {
  if (values.length === 0) return '[]';

  const inner = current + unit;
  const items = values.map((element) => writeJSON(element, unit, inner));
  return unit === '' ? `[${items.join(',')}]` : `[\n${inner}${items.join(`,\n${inner}`)}\n${current}]`;
}

function writeObject(object: Record<string, unknown>, unit: string, current: string): string {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return '{}';

  const inner = current + unit;
  const separator = unit === '' ? ':' : ': ';
  const items = entries.map(([key, value]) => `${JSON.stringify(key)}${separator}${writeJSON(value, unit, inner)}`);
  return unit === '' ? `{${items.join(',')}}` : `{\n${inner}${items.join(`,\n${inner}`)}\n${current}}`;
}

// Arrays and object literals are walked here; anything else first becomes plain data.
function isPlainContainer(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
